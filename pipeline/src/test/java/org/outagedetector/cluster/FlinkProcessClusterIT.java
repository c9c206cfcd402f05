package org.outagedetector.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The process cluster on its own, with a tiny job of its own: no dependency on the outage detector's job. */
class FlinkProcessClusterIT {

    private static final Path WORK_DIR = Path.of("target", "flink-process-cluster-it");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void runsAJobOverRestAndRecoversItOnAReplacementTaskManager() throws Exception {
        long start = System.nanoTime();
        try (FlinkProcessCluster cluster = FlinkProcessCluster.start(WORK_DIR.resolve("cluster"), 2)) {
            System.out.printf("cluster_start_ms=%d%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
            FlinkRestClient rest = cluster.rest();
            assertThat(rest.overview()).isEqualTo(new FlinkRestClient.Overview(1, 2, 2, 0));
            List<String> firstTaskManager = rest.taskManagerIds();
            assertThat(firstTaskManager).hasSize(1);

            String jarId = rest.uploadJar(smokeJobJar());
            assertThat(jarId).endsWith("_smoke-job.jar");
            String jobId = rest.runJar(jarId, SmokeJob.class.getName(), List.of(), 1);
            assertThat(jobId).matches("[0-9a-f]{32}");
            cluster.awaitUntil("all tasks running", TIMEOUT, () -> rest.allTasksRunning(jobId));
            assertThat(rest.failureCount(jobId)).isZero();

            long kill = System.nanoTime();
            cluster.killTaskManager();
            cluster.awaitTaskManagers(0);
            cluster.awaitUntil("a failover after the TaskManager was lost", TIMEOUT, () -> rest.failureCount(jobId) > 0);
            System.out.printf("taskmanager_loss_detected_ms=%d%n", Duration.ofNanos(System.nanoTime() - kill).toMillis());

            cluster.startTaskManager();
            cluster.awaitTaskManagers(1);
            assertThat(rest.taskManagerIds()).hasSize(1).doesNotContainAnyElementsOf(firstTaskManager);
            cluster.awaitUntil("all tasks running again", TIMEOUT, () -> rest.allTasksRunning(jobId));

            rest.cancel(jobId);
            cluster.awaitJobState(jobId, "CANCELED", TIMEOUT);
            assertThat(rest.jobs()).contains(new FlinkRestClient.JobSummary(jobId, "process-cluster-smoke", "CANCELED"));
        }
        assertThat(WORK_DIR.resolve("cluster").resolve("log").resolve("jobmanager.log")).isNotEmptyFile();
    }

    /** Packs the smoke job's compiled classes into a jar, as a build would. */
    private static Path smokeJobJar() throws IOException {
        Path classes = Path.of(SmokeJob.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path packageDir = classes.resolve(SmokeJob.class.getPackageName().replace('.', '/'));
        Path jar = WORK_DIR.resolve("smoke-job.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SmokeJob.class.getName());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.list(packageDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(SmokeJob.class.getSimpleName())).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }
}
