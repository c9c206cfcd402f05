package org.outagedetector.cluster;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The classpath of a Flink distribution's JVMs, taken from this test JVM's own classpath (flink-dist is not
 * published to Maven Central). It leaves out what the job jar must bring itself, so a job that runs on this
 * cluster runs because its jar is complete, as on a real cluster: this project's classes, Kafka, the Kafka
 * connector, OpenNLP, Jackson and the CLI library. It also leaves out the SLF4J 1 binding that test utilities
 * drag in, which would clash with the SLF4J 2 binding.
 */
final class FlinkDistClasspath {

    private static final List<String> LEFT_TO_THE_JOB_JAR = List.of(
            "/org/apache/kafka/",
            "/org/apache/flink/flink-connector-kafka/",
            "/org/apache/opennlp/",
            "/com/fasterxml/jackson/",
            "/info/picocli/",
            "/org/scala-lang/",
            "/outage-detector-",
            "/org/apache/logging/log4j/log4j-slf4j-impl/");

    private FlinkDistClasspath() {}

    static String fromTestClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                // Test jars (e.g. flink-runtime's) are no part of a distribution; their services would load too.
                .filter(entry -> entry.endsWith(".jar") && !entry.endsWith("-tests.jar"))
                .filter(FlinkDistClasspath::belongsToFlinkDist)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean belongsToFlinkDist(String jar) {
        String path = jar.replace(File.separatorChar, '/');
        return LEFT_TO_THE_JOB_JAR.stream().noneMatch(path::contains);
    }
}
