package org.outagedetector.alerting.webhook;

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
 * slow or dead one fills only its own in-flight slots; the others keep delivering. Only when a webhook's
 * slots are all taken (max in flight per subtask, each held at most for the retry budget) does it
 * backpressure the alert stream.
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
            String id = target.operatorId();
            AsyncDataStream.unorderedWait(alerts,
                            new WebhookDeliveryFunction(target, payloads.get(i), settings),
                            settings.asyncTimeout().toMillis(), TimeUnit.MILLISECONDS, settings.maxInFlight())
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
