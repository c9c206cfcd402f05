package org.outagedetector.detection;

/** Everything the detector keeps for one service, held in one keyed value. A Flink POJO. */
public class ServiceState {
    public Baseline baseline = new Baseline();
    /** The current or most recent incident, or null. */
    public Incident incident;
    /** Consecutive steps that each looked anomalous, and the start of the first of them. */
    public int suspectSteps;
    public long suspectSince;
    /** An official acknowledgement that came while no incident was open (the detector may open late). */
    public long unclaimedAckAt;
    public String unclaimedAckStatus;

    public ServiceState() {}
}
