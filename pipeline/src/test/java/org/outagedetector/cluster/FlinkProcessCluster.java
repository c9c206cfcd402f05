package org.outagedetector.cluster;

import org.outagedetector.bench.LoopbackPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A Flink session cluster as separate JVMs, started the way Flink's own scripts start one: a config.yaml
 * with loopback addresses and free ports, memory parameters computed by {@code BashJavaUtils}, a JobManager
 * process ({@code StandaloneSessionClusterEntrypoint}) and TaskManager processes ({@code TaskManagerRunner}).
 * Everything lives under one work directory; process logs stay there after close for debugging.
 */
public final class FlinkProcessCluster implements AutoCloseable {

    /** Java 17 module flags from the {@code env.java.opts.all} default of flink-dist's config.yaml. */
    static final List<String> JAVA_17_OPTS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String BASH_JAVA_UTILS_RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final Path workDir;
    private final Path confDir;
    private final Path logDir;
    private final String classpath;
    private final int slotsPerTaskManager;
    private final FlinkRestClient rest;
    private final List<Process> processes = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::killAll, "flink-process-cluster-shutdown");
    private Process jobManager;
    private Process taskManager;
    private List<String> taskManagerResourceParams;
    private int taskManagersStarted;

    private FlinkProcessCluster(Path workDir, int slotsPerTaskManager, int restPort) {
        this.workDir = workDir.toAbsolutePath();
        this.confDir = this.workDir.resolve("conf");
        this.logDir = this.workDir.resolve("log");
        this.classpath = FlinkDistClasspath.fromTestClasspath();
        this.slotsPerTaskManager = slotsPerTaskManager;
        this.rest = new FlinkRestClient("http://127.0.0.1:" + restPort);
    }

    /**
     * Starts a JobManager and one TaskManager with the given number of slots, and returns once the
     * TaskManager has registered. The work directory is emptied first; logs are written to its log/ folder.
     */
    public static FlinkProcessCluster start(Path workDir, int slotsPerTaskManager) {
        int restPort = LoopbackPorts.free();
        FlinkProcessCluster cluster = new FlinkProcessCluster(workDir, slotsPerTaskManager, restPort);
        Runtime.getRuntime().addShutdownHook(cluster.killOnExit);
        try {
            cluster.writeConfig(restPort);
            cluster.startJobManager();
            cluster.startTaskManager();
            cluster.awaitTaskManagers(1);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    public FlinkRestClient rest() {
        return rest;
    }

    public Path logDir() {
        return logDir;
    }

    public int slotsPerTaskManager() {
        return slotsPerTaskManager;
    }

    /** Starts a new TaskManager process; a previous one must have been killed first. */
    public void startTaskManager() {
        if (taskManager != null && taskManager.isAlive()) {
            throw new IllegalStateException("a TaskManager is already running");
        }
        if (taskManagerResourceParams == null) {
            taskManagerResourceParams = bashJavaUtils("GET_TM_RESOURCE_PARAMS");
        }
        taskManagersStarted++;
        taskManager = launch("taskmanager-" + taskManagersStarted, TASK_MANAGER_MAIN, taskManagerResourceParams);
    }

    /** Kills the TaskManager with SIGKILL, as a crashed machine would vanish: no deregistration, no cleanup. */
    public void killTaskManager() {
        if (taskManager == null) {
            throw new IllegalStateException("no TaskManager was started");
        }
        kill(taskManager);
    }

    /** Waits until exactly this many TaskManagers are registered with all their slots. */
    public void awaitTaskManagers(int count) {
        await(count + " registered TaskManager(s) with " + count * slotsPerTaskManager + " slots", () -> {
            FlinkRestClient.Overview o = rest.overview();
            return o.taskManagers() == count && o.slotsTotal() == count * slotsPerTaskManager;
        });
    }

    /** Waits until the job reaches the given state, failing early if it reaches a terminal state instead. */
    public void awaitJobState(String jobId, String state, Duration timeout) {
        awaitUntil("job " + jobId + " in state " + state, timeout, () -> {
            String current = rest.jobState(jobId);
            if (!current.equals(state) && List.of("FAILED", "CANCELED", "FINISHED").contains(current)) {
                throw new IllegalStateException("job " + jobId + " is " + current + " instead of " + state
                        + "; exceptions: " + rest.jobExceptions(jobId));
            }
            return current.equals(state);
        });
    }

    /** Kills every process this cluster started and deletes its scratch files; keeps conf/ and log/. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing is left to remove.
        }
        deleteRecursively(workDir.resolve("tmp"));
    }

    private void writeConfig(int restPort) {
        deleteRecursively(workDir);
        String tmp = workDir.resolve("tmp").toString();
        String config = String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + LoopbackPorts.free(),
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 1024m",
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: " + slotsPerTaskManager,
                "taskmanager.memory.process.size: 1600m",
                // The job keeps its state on the heap; a small managed pool leaves the task heap room for models.
                "taskmanager.memory.managed.fraction: 0.1",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "parallelism.default: 1",
                // A killed TaskManager is noticed after two failed heartbeat RPCs, a few seconds, not 50 s.
                "heartbeat.interval: 2000",
                "heartbeat.timeout: 20000",
                // A System.exit in a job's main() would otherwise kill the JobManager that runs it for /jars/run.
                "cluster.intercept-user-system-exit: THROW",
                "execution.checkpointing.dir: file://" + workDir.resolve("tmp").resolve("checkpoints"),
                "io.tmp.dirs: " + tmp,
                "web.tmpdir: " + tmp,
                "web.upload.dir: " + workDir.resolve("tmp").resolve("upload"),
                "blob.storage.directory: " + tmp,
                "");
        String log4j = String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = MainAppender",
                "appender.main.name = MainAppender",
                "appender.main.type = File",
                "appender.main.fileName = ${sys:log.file}",
                "appender.main.layout.type = PatternLayout",
                "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-50c{1.} [%t] - %m%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "");
        try {
            Files.createDirectories(confDir);
            Files.createDirectories(logDir);
            Files.createDirectories(workDir.resolve("tmp"));
            Files.writeString(confDir.resolve("config.yaml"), config);
            Files.writeString(confDir.resolve("log4j.properties"), log4j);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Flink configuration under " + workDir, e);
        }
    }

    private void startJobManager() {
        jobManager = launch("jobmanager", JOB_MANAGER_MAIN, bashJavaUtils("GET_JM_RESOURCE_PARAMS"));
    }

    /** Starts one Flink JVM; resourceParams are BashJavaUtils' two lines: JVM flags, then dynamic -D configs. */
    private Process launch(String name, String mainClass, List<String> resourceParams) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(words(resourceParams.get(0)));
        command.addAll(JAVA_17_OPTS);
        command.add("-XX:+IgnoreUnrecognizedVMOptions");
        command.add("-Dlog.file=" + logDir.resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=file:" + confDir.resolve("log4j.properties"));
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add("--configDir");
        command.add(confDir.toString());
        command.addAll(words(resourceParams.get(1)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logDir.resolve(name + ".out").toFile())
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            synchronized (processes) {
                processes.add(process);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Runs BashJavaUtils as Flink's scripts do and returns the last two result lines it printed. */
    private List<String> bashJavaUtils(String command) {
        Path out = logDir.resolve("bash-java-utils-" + command + ".out");
        try {
            Process process = new ProcessBuilder(javaBinary(), "-cp", classpath, BASH_JAVA_UTILS, command,
                    "--configDir", confDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + Files.readString(out));
            }
            List<String> results = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(BASH_JAVA_UTILS_RESULT))
                    .map(line -> line.substring(BASH_JAVA_UTILS_RESULT.length()))
                    .toList();
            if (results.size() < 2) {
                throw new IllegalStateException("BashJavaUtils " + command + " printed no parameters:\n"
                        + Files.readString(out));
            }
            return results.subList(results.size() - 2, results.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not run BashJavaUtils " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running BashJavaUtils " + command, e);
        }
    }

    private void await(String what, BooleanSupplier condition) {
        awaitUntil(what, STARTUP_TIMEOUT, condition);
    }

    /**
     * Polls the condition until it holds, failing at the deadline or as soon as the JobManager dies. A REST
     * endpoint that is not up yet, or not ready yet (503 while the leader is elected), counts as "not yet".
     */
    public void awaitUntil(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!jobManager.isAlive()) {
                throw new IllegalStateException("the JobManager exited (" + jobManager.exitValue()
                        + ") while waiting for " + what + "; see " + logDir);
            }
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (UncheckedIOException notReachableYet) {
                // The REST server is still starting up.
            } catch (FlinkRestClient.StatusException e) {
                if (!e.isUnavailable()) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what + "; see " + logDir);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void killAll() {
        List<Process> all;
        synchronized (processes) {
            all = List.copyOf(processes);
        }
        all.forEach(FlinkProcessCluster::kill);
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> words(String line) {
        return Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
