package org.outagedetector.alerting;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.io.Serializable;

/** A place alerts go (terminal, file, Kafka topic, webhooks); the job graph attaches each one it is given. */
public interface AlertOutput extends Serializable {
    void attach(DataStream<AlertEvent> alerts);
}
