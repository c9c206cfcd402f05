package org.outagedetector.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one service's mentions add up to within one minute, while the window is open. A Flink POJO. */
public class MinuteTally {
    /** Sample posts kept per minute as evidence for the alert. */
    public static final int MAX_SAMPLES = 3;

    public int posts;
    public AuthorSet authors = new AuthorSet();
    /** False as soon as one mention of the key is an open-world (uncatalogued) name. */
    public boolean verified = true;
    /** Evidence: the posts of the authors with the smallest hashes, so the choice is the same in any order. */
    public List<String> samples = new ArrayList<>();
    public List<Long> sampleKeys = new ArrayList<>();
    public Map<String, Integer> problemKinds = new HashMap<>();

    public MinuteTally() {}
}
