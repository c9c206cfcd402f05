package org.outagedetector.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Defaults for `run` from the properties file named by --config: key {@code bootstrap-servers} for flag
 * {@code --bootstrap-servers}, and so on. A repeatable flag takes several values as numbered keys
 * ({@code webhook.1}, {@code webhook.2}, ..., in numeric order), never by splitting one value: a URL may hold
 * commas. Flags given on the command line win; a repeatable one given there replaces all of the file's values.
 * A key that names no flag, or a key given twice, is an error: either would otherwise fall back to a default
 * silently.
 */
public class ConfigFileDefaults implements IDefaultValueProvider {

    private static final Pattern NUMBERED = Pattern.compile("(.+)\\.(\\d{1,9})");

    private final Map<String, String> single = new HashMap<>();
    /** Each repeatable flag's values, by its long name ({@code --webhook}), in the file's numeric order. */
    private final Map<String, List<String>> repeatable = new LinkedHashMap<>();

    private ConfigFileDefaults(Path file, CommandSpec run) {
        Map<String, OptionSpec> flags = keys(run);
        Entries entries = read(file, run);
        List<String> problems = new ArrayList<>();
        for (String key : entries.givenTwice) {
            problems.add("key '" + key + "' is given more than once" + (isRepeatable(flags.get(key))
                    ? " (several values go in " + key + ".1, " + key + ".2, ...)" : ""));
        }
        Map<String, List<String>> keysOfRepeatable = new TreeMap<>();
        for (String key : new TreeSet<>(entries.stringPropertyNames())) {
            Matcher numbered = NUMBERED.matcher(key);
            if (flags.containsKey(key) && !isRepeatable(flags.get(key))) {
                single.put(key, entries.getProperty(key));
            } else if (flags.containsKey(key)) {
                keysOfRepeatable.computeIfAbsent(key, k -> new ArrayList<>()).add(key);
            } else if (numbered.matches() && isRepeatable(flags.get(numbered.group(1)))) {
                keysOfRepeatable.computeIfAbsent(numbered.group(1), k -> new ArrayList<>()).add(key);
            } else {
                problems.add(unknown(key, flags));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadFile(run, "--config " + file + ": " + String.join("; ", problems));
        }
        keysOfRepeatable.forEach((flag, keys) -> repeatable.put(flags.get(flag).longestName(), keys.stream()
                .sorted(Comparator.comparingLong(ConfigFileDefaults::number)).map(entries::getProperty).toList()));
    }

    /** The provider for the --config file among `run`'s {@code args}, or null when there is none. */
    static ConfigFileDefaults fromArgs(String[] args, CommandSpec run) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return new ConfigFileDefaults(Path.of(args[i + 1]), run);
            }
            if (args[i].startsWith("--config=")) {
                return new ConfigFileDefaults(Path.of(args[i].substring("--config=".length())), run);
            }
        }
        return null;
    }

    /**
     * `run`'s {@code args} with the file's values for each repeatable flag they do not give ({@code commandLine}
     * is their own parse), in front as if typed: picocli takes a default as one single value.
     */
    String[] withRepeatableFlags(String[] args, ParseResult commandLine) {
        List<String> out = new ArrayList<>(List.of(args[0]));
        repeatable.forEach((name, values) -> {
            if (!commandLine.hasMatchedOption(name)) {
                values.forEach(v -> out.add(name + "=" + v)); // attached, so that no value reads as a flag
            }
        });
        out.addAll(Arrays.asList(args).subList(1, args.length));
        return out.toArray(String[]::new);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            String value = single.get(key(option));
            if (value != null) {
                return value;
            }
        }
        return arg.defaultValue();
    }

    /** An error in the file: reported alone, since `run`'s usage would bury it and the command line is fine. */
    static final class BadFile extends ParameterException {
        BadFile(CommandSpec run, String message) {
            super(run.commandLine(), message);
        }
    }

    /** Properties that remember the keys given more than once ({@link Properties#load} keeps the last). */
    private static final class Entries extends Properties {
        final Set<String> givenTwice = new TreeSet<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            Object before = super.put(key, value);
            if (before != null) {
                givenTwice.add((String) key);
            }
            return before;
        }
    }

    private static Entries read(Path file, CommandSpec run) {
        Entries entries = new Entries();
        try (Reader r = Files.newBufferedReader(file)) {
            entries.load(r);
        } catch (NoSuchFileException e) {
            throw new BadFile(run, "--config " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new BadFile(run, "cannot read --config " + file + ": " + e);
        }
        return entries;
    }

    /** The flags a file may set, by key; not --config itself, --help or --version. */
    private static Map<String, OptionSpec> keys(CommandSpec run) {
        Map<String, OptionSpec> keys = new TreeMap<>();
        for (OptionSpec option : run.options()) {
            if (!option.usageHelp() && !option.versionHelp() && !option.longestName().equals("--config")) {
                keys.put(key(option), option);
            }
        }
        return keys;
    }

    private static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^--", "");
    }

    /** A numbered key's number; -1 for a repeatable flag's plain key, whose value goes first. */
    private static long number(String key) {
        Matcher numbered = NUMBERED.matcher(key);
        return numbered.matches() ? Long.parseLong(numbered.group(2)) : -1;
    }

    private static boolean isRepeatable(OptionSpec option) {
        return option != null && option.isMultiValue();
    }

    /** The error for a key that names no flag, with the nearest valid key when one is a few typos away. */
    private static String unknown(String key, Map<String, OptionSpec> flags) {
        Matcher m = NUMBERED.matcher(key);
        List<String> valid = new ArrayList<>(flags.keySet());
        if (m.matches()) {
            flags.forEach((k, option) -> {
                if (isRepeatable(option)) {
                    valid.add(k + "." + m.group(2));
                }
            });
        }
        return valid.stream()
                .min(Comparator.comparingInt(v -> EditDistance.between(key, v)))
                .filter(v -> EditDistance.between(key, v) <= Math.max(2, key.length() / 4))
                .map(v -> "unknown key '" + key + "' (did you mean '" + v + "'?)")
                .orElse("unknown key '" + key + "'");
    }
}
