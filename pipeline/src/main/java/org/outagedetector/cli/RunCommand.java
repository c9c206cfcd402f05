package org.outagedetector.cli;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertOutput;
import org.outagedetector.alerting.ConsoleAlertOutput;
import org.outagedetector.alerting.KafkaAlertOutput;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.ingest.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The production job: posts and status updates from Kafka, alerts to a Kafka topic (exactly "
                + "once), to webhooks and to the log. Every flag can also be given in --config FILE.")
public class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with defaults for every flag: keys are the flag names without the dashes "
                    + "(checkpoint-interval=30s). A repeatable flag takes several values as numbered keys, "
                    + "webhook.1=..., webhook.2=..., in numeric order (one value may be plain webhook=...); a value "
                    + "is never split at commas. Flags on the command line win; a repeatable one given there "
                    + "replaces the file's values. An unknown or repeated key is an error.")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (required, here or in --config).")
    String bootstrapServers;

    @Option(names = "--posts-topic", defaultValue = "posts", description = "Topic of posts (default ${DEFAULT-VALUE}).")
    String postsTopic;

    @Option(names = "--status-topic", defaultValue = "status",
            description = "Topic of official status updates (default ${DEFAULT-VALUE}); '' to read none.")
    String statusTopic;

    @Option(names = "--alerts-topic", defaultValue = "alerts", description = "Topic alerts go to (default ${DEFAULT-VALUE}).")
    String alertsTopic;

    @Option(names = "--dead-letter-topic", defaultValue = "dead-letters",
            description = "Topic rejected records go to (default ${DEFAULT-VALUE}).")
    String deadLetterTopic;

    @Option(names = "--group-id", defaultValue = "outage-detector",
            description = "Kafka consumer group (default ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--starting-offsets", defaultValue = "committed",
            description = "earliest, latest, or committed (falling back to earliest) (default ${DEFAULT-VALUE}).")
    Sources.StartingOffsets startingOffsets;

    @Option(names = "--checkpoint-interval", defaultValue = "PT30S", converter = DurationConverter.class,
            description = "Checkpoint interval, e.g. 30s, 1m (default 30s). Alerts reach the Kafka topic when a "
                    + "checkpoint completes.")
    Duration checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "URI",
            description = "Durable checkpoint storage, e.g. s3://bucket/checkpoints or file:///data/checkpoints. "
                    + "Default: the cluster's configuration.")
    String checkpointDir;

    @Option(names = "--state-backend", paramLabel = "hashmap|rocksdb",
            description = "State backend; rocksdb for very many services. Default: the cluster's configuration.")
    String stateBackend;

    @Option(names = "--parallelism", defaultValue = "-1", description = "Job parallelism. Default: the cluster's.")
    int parallelism;

    @Option(names = "--max-disorder", defaultValue = "PT30S", converter = DurationConverter.class,
            description = "How late a post may arrive and still count in its minute (default 30s).")
    Duration maxDisorder;

    @Option(names = "--idle-timeout", defaultValue = "PT1M", converter = DurationConverter.class,
            description = "A partition with no records for this long stops holding event time back, and one that "
                    + "comes back waits as long again for the others before it moves event time on (default 1m).")
    Duration idleTimeout;

    @Option(names = "--state-ttl", converter = DurationConverter.class,
            description = "A service nobody has mentioned for this long, in wall-clock time, is forgotten; a savepoint "
                    + "restored later than this after it was taken has forgotten them all (default 30d).")
    Duration stateTtl;

    @Option(names = "--transaction-timeout", defaultValue = "PT15M", converter = DurationConverter.class,
            description = "Kafka transaction timeout for the alert sink; above checkpoint interval plus restart "
                    + "time, at most the broker's transaction.max.timeout.ms (default 15m).")
    Duration transactionTimeout;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "Passed to every Kafka client (security.protocol, sasl.*, ssl.*, ...). Repeatable; in "
                    + "--config: kafka-property.1=KEY=VALUE, kafka-property.2=...")
    Map<String, String> kafkaProperties = new java.util.LinkedHashMap<>();

    @Option(names = "--kafka-properties-file", paramLabel = "FILE",
            description = "Kafka client properties from a file (keeps SASL passwords off the command line).")
    Path kafkaPropertiesFile;

    @Option(names = "--job-name", defaultValue = "outage-detector", description = "Flink job name (default ${DEFAULT-VALUE}).")
    String jobName;

    @Mixin
    AlertSinkOptions sinks;

    @Spec
    CommandSpec spec;

    /** Set by `bench`: read the topics up to their current end and finish, instead of running forever. */
    boolean stopAtEndOfTopics;

    @Override
    public Integer call() throws Exception {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing --bootstrap-servers (or bootstrap-servers in --config)");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        buildOn(env);
        env.execute(jobName);
        return 0;
    }

    /** Configures {@code env} and adds the production graph to it (the tests run it on a MiniCluster). */
    DataStream<AlertEvent> buildOn(StreamExecutionEnvironment env) throws IOException {
        Properties client = kafkaClientProperties();
        env.configure(flinkConfiguration());
        if (parallelism > 0) {
            env.setParallelism(parallelism);
        }
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);

        Properties producer = new Properties();
        producer.putAll(client);
        producer.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(transactionTimeout.toMillis()));
        List<AlertOutput> outputs = new ArrayList<>(List.of(new ConsoleAlertOutput(),
                new KafkaAlertOutput(bootstrapServers, alertsTopic, jobName + "-alerts", producer)));
        outputs.addAll(sinks.outputs());

        String deadTopic = deadLetterTopic;
        KafkaSink<String> deadLetters = KafkaSink.<String>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(client)
                .setRecordSerializer(deadLetterRecords(deadTopic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();

        return OutageDetectorJob.build(env,
                new OutageDetectorJob.Inputs(
                        Sources.kafka(bootstrapServers, postsTopic, groupId, startingOffsets, client,
                                stopAtEndOfTopics),
                        statusTopic.isBlank() ? null : Sources.kafka(bootstrapServers, statusTopic, groupId,
                                startingOffsets, client, stopAtEndOfTopics)),
                new OutageDetectorJob.Outputs(outputs, deadLetters),
                new OutageDetectorJob.Timing(maxDisorder, idleTimeout),
                detectorConfig());
    }

    /**
     * Dead letters as Kafka records stamped when written (the producer's clock), not with the rejected post's
     * {@code created_at}: a post dated hours ahead would be refused by the broker
     * ({@code message.timestamp.after.max.ms}, an hour by default) and fail the job on every restart, and one
     * of 2012 would be deleted by time-based retention at once.
     */
    static KafkaRecordSerializationSchema<String> deadLetterRecords(String topic) {
        return (line, ctx, timestamp) -> new ProducerRecord<>(topic, null, null, null,
                line.getBytes(StandardCharsets.UTF_8));
    }

    private DetectorConfig detectorConfig() {
        DetectorConfig cfg = DetectorConfig.defaults();
        if (stateTtl != null) {
            cfg.stateTtl = stateTtl;
        }
        return cfg;
    }

    private Configuration flinkConfiguration() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        if (checkpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        }
        if (stateBackend != null) {
            conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        }
        return conf;
    }

    private Properties kafkaClientProperties() throws IOException {
        Properties p = new Properties();
        if (kafkaPropertiesFile != null) {
            try (Reader r = Files.newBufferedReader(kafkaPropertiesFile)) {
                p.load(r);
            }
        }
        kafkaProperties.forEach(p::setProperty);
        return p;
    }
}
