package org.outagedetector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The jar's entry point. With no command it runs the production job, so `flink run outage-detector.jar ...` works. */
@Command(name = "outage-detector", mixinStandardHelpOptions = true, version = "outage-detector 0.1.0",
        description = "Spots \"X is down\" spikes in a stream of posts and raises outage alerts.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, ClassifyCommand.class,
                NabCommand.class, GenerateCommand.class, ReceiveCommand.class})
public class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests instead of {@link #main}). */
    public static int execute(String... args) {
        String[] effective = args;
        if (args.length == 0 || args[0].startsWith("--") && !isTopLevelFlag(args[0])) {
            // Cluster submissions pass only the job's flags: they belong to `run`.
            effective = new String[args.length + 1];
            effective[0] = "run";
            System.arraycopy(args, 0, effective, 1, args.length);
        }
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        ConfigFileDefaults config = ConfigFileDefaults.fromArgs(effective);
        if (config != null) {
            cli.getSubcommands().get("run").setDefaultValueProvider(config);
        }
        return cli.execute(effective);
    }

    private static boolean isTopLevelFlag(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
