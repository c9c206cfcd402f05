package org.outagedetector.detection;

/**
 * The whole stream's volume in one step (all posts, whatever they are about) and what the stream's own
 * baseline expected, so that each service can be judged against a shared surge: during a final or an
 * election every service gets more complaints because everyone posts more. A Flink POJO.
 */
public class StreamLoad {
    public long minuteStart;
    public long posts;
    public double expectedPosts;

    public StreamLoad() {}

    public StreamLoad(long minuteStart, long posts, double expectedPosts) {
        this.minuteStart = minuteStart;
        this.posts = posts;
        this.expectedPosts = expectedPosts;
    }

    /**
     * How many times busier than usual the rest of the stream is, counting only the rise we are sure of:
     * the service's own posts are left out (an outage of a big service must not explain itself away), and
     * the observed volume is taken at its lower Poisson bound. Never below 1: a quiet stream makes no one
     * more suspect.
     */
    public double surgeFactor(long ownPosts, DetectorConfig cfg) {
        if (expectedPosts <= 0) {
            return 1;
        }
        double others = Math.max(0, posts - ownPosts);
        double sureOthers = others - cfg.surgeSigmas * Math.sqrt(others);
        return Math.max(1, sureOthers / expectedPosts);
    }
}
