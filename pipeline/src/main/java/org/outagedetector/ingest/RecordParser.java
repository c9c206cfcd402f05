package org.outagedetector.ingest;

import java.io.Serializable;

/** Turns one raw input record (a Kafka value or a line, as UTF-8 bytes) into a typed record. */
@FunctionalInterface
public interface RecordParser<T> extends Serializable {
    T parse(byte[] raw) throws InvalidRecordException;
}
