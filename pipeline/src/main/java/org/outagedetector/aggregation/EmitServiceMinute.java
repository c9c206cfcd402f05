package org.outagedetector.aggregation;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Labels a finished tally with its service and minute. */
public class EmitServiceMinute extends ProcessWindowFunction<MinuteTally, ServiceMinute, String, TimeWindow> {

    @Override
    public void process(String service, Context ctx, Iterable<MinuteTally> tallies, Collector<ServiceMinute> out) {
        MinuteTally t = tallies.iterator().next();
        List<String> kinds = new ArrayList<>(t.problemKinds.keySet());
        kinds.sort(Comparator.comparing((String k) -> -t.problemKinds.get(k)).thenComparing(k -> k));
        TimeWindow w = ctx.window();
        ServiceMinute minute = new ServiceMinute(service, t.verified, w.getStart(), w.getEnd(), t.posts,
                t.authors.size(), kinds, new ArrayList<>(t.samples));
        minute.firedAt = System.currentTimeMillis();
        out.collect(minute);
    }

}
