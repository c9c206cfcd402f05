package org.outagedetector.cli;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes the synthetic post stream of the built-in scenario (and its official statements) to "
                + "JSON-lines files or to Kafka topics.")
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Write posts here as JSON lines.")
    Path out;

    @Option(names = "--status-out", paramLabel = "FILE", description = "Write the official statements here.")
    Path statusOut;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Produce to Kafka instead.")
    String bootstrapServers;

    @Option(names = "--posts-topic", defaultValue = "posts", description = "Kafka topic for posts (default ${DEFAULT-VALUE}).")
    String postsTopic;

    @Option(names = "--status-topic", defaultValue = "status",
            description = "Kafka topic for statements (default ${DEFAULT-VALUE}).")
    String statusTopic;

    @Option(names = "--rate", defaultValue = "0",
            description = "Posts per second when producing to Kafka; 0 for as fast as possible (default).")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((out == null) == (bootstrapServers == null)) {
            throw new ParameterException(spec.commandLine(), "Give exactly one of --out FILE or --bootstrap-servers");
        }
        Scenario scenario = new Scenario(Scenarios.twitter2012().seed(seed));
        if (out != null) {
            writeFile(scenario);
        } else {
            produce(scenario);
        }
        return 0;
    }

    private void writeFile(Scenario scenario) throws IOException {
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (long i = 0; i < scenario.size(); i++) {
                w.write(scenario.post(i));
                w.write('\n');
            }
        }
        if (statusOut != null) {
            Files.write(statusOut, scenario.statements(), StandardCharsets.UTF_8);
        }
        System.err.printf("generate: %,d posts to %s%s%n", scenario.size(), out,
                statusOut != null ? ", " + scenario.statements().size() + " statements to " + statusOut : "");
    }

    private void produce(Scenario scenario) {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String s : scenario.statements()) {
                producer.send(new ProducerRecord<>(statusTopic, s.getBytes(StandardCharsets.UTF_8)));
            }
            long startNanos = System.nanoTime();
            for (long i = 0; i < scenario.size(); i++) {
                if (rate > 0) {
                    long due = startNanos + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                producer.send(new ProducerRecord<>(postsTopic, scenario.post(i)));
            }
            producer.flush();
        }
        System.err.printf("generate: %,d posts to topic %s and %d statements to topic %s%n", scenario.size(),
                postsTopic, scenario.statements().size(), statusTopic);
    }
}
