package org.outagedetector.ingest;

/** Why an input record was rejected; the message becomes the dead letter's reason. */
public class InvalidRecordException extends Exception {
    public InvalidRecordException(String reason) {
        super(reason, null, false, false);
    }
}
