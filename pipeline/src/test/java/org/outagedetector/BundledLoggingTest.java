package org.outagedetector;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's own log4j2.properties: quiet Flink and Kafka, except a Kafka client that cannot reach its brokers. */
class BundledLoggingTest {

    private static Level level(Configuration config, String logger) {
        return config.getLoggerConfig(logger).getLevel();
    }

    @Test
    void kafkaConnectionProblemsShowButTheRestOfKafkaAndFlinkStayQuiet() {
        Configuration config = new PropertiesConfigurationFactory().getConfiguration(new LoggerContext("test"),
                ConfigurationSource.fromResource("log4j2.properties", getClass().getClassLoader()));
        config.initialize();

        // "Connection to node -1 (/127.0.0.1:1) could not be established", "Bootstrap broker ... disconnected"
        assertThat(level(config, "org.apache.kafka.clients.NetworkClient")).isEqualTo(Level.WARN);
        assertThat(level(config, "org.apache.kafka.clients.consumer.KafkaConsumer")).isEqualTo(Level.ERROR);
        assertThat(level(config, "org.apache.kafka.clients.producer.KafkaProducer")).isEqualTo(Level.ERROR);
        assertThat(level(config, "org.apache.flink.runtime.minicluster.MiniCluster")).isEqualTo(Level.ERROR);
        assertThat(level(config, "org.outagedetector.cli.Main")).isEqualTo(Level.INFO);
    }
}
