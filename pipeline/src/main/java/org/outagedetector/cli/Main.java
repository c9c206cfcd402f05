package org.outagedetector.cli;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.util.concurrent.Callable;

/** The jar's entry point. With no command it runs the production job, so `flink run outage-detector.jar ...` works. */
@Command(name = "outage-detector", mixinStandardHelpOptions = true, version = "outage-detector 0.1.0",
        description = "Spots \"X is down\" spikes in a stream of posts and raises outage alerts.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, ClassifyCommand.class,
                NabCommand.class, GenerateCommand.class, BenchCommand.class, ReceiveCommand.class, SoakCommand.class})
public class Main implements Runnable {

    public static void main(String[] args) throws Exception {
        if (StreamExecutionEnvironment.areExplicitEnvironmentsAllowed()) {
            System.exit(execute(args));
        }
        // Inside the Flink client or, for REST submissions, the JobManager (they set a context environment
        // before calling main): never System.exit there; failures propagate as exceptions, as Flink expects,
        // and a usage error is the exception itself, so the failed submission says what was wrong.
        String[] effective = withDefaultCommand(args);
        int code = invoke(effective);
        if (code != 0) {
            throw new IllegalStateException("outage-detector " + effective[0] + " failed (exit code " + code + ")");
        }
    }

    /**
     * Runs a command line and returns its exit code, 2 for a usage error (tests call this instead of
     * {@link #main}). Other exceptions from a command propagate, so that Flink's own control flow (job graph
     * extraction) keeps working.
     */
    public static int execute(String... args) throws Exception {
        try {
            return invoke(withDefaultCommand(args));
        } catch (ParameterException alreadyPrinted) {
            return 2;
        }
    }

    /** Runs a command line; a usage error is printed to stderr, then thrown. */
    private static int invoke(String[] effective) throws Exception {
        ParseResult parsed;
        try {
            parsed = parse(effective);
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            if (!(e instanceof ConfigFileDefaults.BadFile)) {
                e.getCommandLine().usage(System.err);
            }
            throw e;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        Object command = parsed.commandSpec().userObject();
        try {
            if (command instanceof Callable<?> callable) {
                Object code = callable.call();
                return code instanceof Integer i ? i : 0;
            }
            ((Runnable) command).run();
            return 0;
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            throw e;
        }
    }

    /**
     * The whole command line's parse, with `run`'s defaults from the --config file among {@code args}. With a
     * file it parses twice: the command line alone tells which repeatable flags it sets, and the file's values
     * of the others go in front of it for the parse that counts.
     */
    static ParseResult parse(String[] args) {
        CommandLine cli = commandLine(new Main());
        ConfigFileDefaults config = args[0].equals("run")
                ? ConfigFileDefaults.fromArgs(args, cli.getSubcommands().get("run").getCommandSpec()) : null;
        if (config == null) {
            return cli.parseArgs(args);
        }
        ParseResult commandLineAlone = cli.parseArgs(args).subcommand();
        CommandLine withFile = commandLine(new Main());
        withFile.getSubcommands().get("run").setDefaultValueProvider(config);
        return withFile.parseArgs(config.withRepeatableFlags(args, commandLineAlone));
    }

    /** The parser for a command object, with the settings every command line here shares. */
    public static CommandLine commandLine(Object command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Cluster submissions pass only the job's flags: they belong to `run`. */
    private static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || isTopLevelFlag(args[0]))) {
            return args;
        }
        String[] effective = new String[args.length + 1];
        effective[0] = "run";
        System.arraycopy(args, 0, effective, 1, args.length);
        return effective;
    }

    private static boolean isTopLevelFlag(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V");
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
