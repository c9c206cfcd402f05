package org.outagedetector.alerting.webhook;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertOutput;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Sends every alert event to each {@code --webhook}. Each webhook gets its own async operator, so a
 * slow or dead one fills only its own slots (max in flight per subtask, each held at most for the retry
 * budget); the others keep delivering. A webhook never backpressures the alert stream: beyond its slots,
 * alerts are shed and counted (see {@link WebhookDeliveryFunction}), so the detector and the other outputs
 * keep going however long a webhook is down.
 */
public class WebhookOutput implements AlertOutput {

    private static final long serialVersionUID = 1L;

    private final List<WebhookTarget> targets;
    private final List<WebhookPayload> payloads;
    private final WebhookSettings settings;

    public WebhookOutput(List<WebhookTarget> targets, WebhookSettings settings) {
        this.targets = List.copyOf(targets);
        this.settings = Objects.requireNonNull(settings, "settings");
        if (new HashSet<>(this.targets).size() != this.targets.size()) {
            throw new IllegalArgumentException("the same --webhook is given more than once");
        }
        // Built here so a missing routing key fails at startup, not when the first alert fires.
        this.payloads = this.targets.stream().map(t -> t.format().payload(settings)).toList();
    }

    @Override
    public void attach(DataStream<AlertEvent> alerts) {
        for (int i = 0; i < targets.size(); i++) {
            WebhookTarget target = targets.get(i);
            String id = target.operatorId(1 + (int) targets.subList(0, i).stream()
                    .filter(target::sharesOperatorIdWith).count());
            // Deliveries need no event time. Without watermarks the unordered async queue hands each result
            // on as soon as it is done; with them, every later result (and every watermark) would queue up
            // behind a delivery that retries for minutes, until the full queue stalled the whole job.
            DataStream<AlertEvent> unpaced = alerts.assignTimestampsAndWatermarks(WatermarkStrategy.noWatermarks())
                    .uid(id + "-no-watermarks")
                    .name("webhook " + target + " no watermarks");
            // One slot more than the pending deliveries allowed, for a shed alert's result on its way out.
            AsyncDataStream.unorderedWait(unpaced,
                            new WebhookDeliveryFunction(target, payloads.get(i), settings),
                            settings.asyncTimeout().toMillis(), TimeUnit.MILLISECONDS, settings.maxInFlight() + 1)
                    .uid(id + "-delivery")
                    .name("webhook " + target)
                    .sinkTo(new DiscardingSink<>())
                    .uid(id + "-done")
                    .name("webhook " + target + " done");
        }
    }

    @Override
    public String toString() {
        return "WebhookOutput" + targets + " " + settings;
    }
}
