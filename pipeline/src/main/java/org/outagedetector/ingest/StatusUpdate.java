package org.outagedetector.ingest;

/** An official statement about a service (a status page entry). A Flink POJO. */
public class StatusUpdate {
    public static final String INVESTIGATING = "investigating";
    public static final String IDENTIFIED = "identified";
    public static final String MONITORING = "monitoring";
    public static final String RESOLVED = "resolved";

    /** Normalized lowercase service name (as the catalog names it). */
    public String service;
    /** Event time of the statement, epoch milliseconds UTC. */
    public long time;
    public String status;
    public String text;

    public StatusUpdate() {}

    public StatusUpdate(String service, long time, String status, String text) {
        this.service = service;
        this.time = time;
        this.status = status;
        this.text = text;
    }

    /** Any statement but "resolved" admits a problem. */
    public boolean acknowledgesProblem() {
        return !RESOLVED.equals(status);
    }
}
