package org.outagedetector.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Defaults for `run` from the properties file named by --config: key {@code bootstrap-servers} for flag
 * {@code --bootstrap-servers}, and so on. Flags given on the command line win.
 */
public class ConfigFileDefaults implements IDefaultValueProvider {

    private final Properties properties = new Properties();

    private ConfigFileDefaults(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            properties.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --config " + file + ": " + e.getMessage(), e);
        }
    }

    /** The provider for the --config file among {@code args}, or null when there is none. */
    static ConfigFileDefaults fromArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return new ConfigFileDefaults(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return new ConfigFileDefaults(Path.of(args[i].substring("--config=".length())));
            }
        }
        return null;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            String value = properties.getProperty(option.longestName().replaceFirst("^--", ""));
            if (value != null) {
                return value;
            }
        }
        return arg.defaultValue();
    }
}
