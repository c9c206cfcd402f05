package org.outagedetector.alerting.webhook;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.outagedetector.alerting.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flink async I/O around {@link WebhookSender}: one instance per webhook and parallel subtask, with its
 * own HTTP client and retry timer. A delivery that fails for good is logged and counted; it never fails
 * the job, and neither does the async timeout.
 * <p>
 * At most {@link WebhookSettings#maxInFlight()} deliveries are pending at once (retries included). An alert
 * beyond that is shed at once, logged and counted ({@code shed}), rather than waited for: waiting would
 * backpressure the detector and hold up every other output (the Kafka topic above all) for as long as this
 * one webhook is down.
 * <p>
 * The events of one incident go out one after the other, each once the one before is delivered or given up:
 * sent side by side, a retried {@code open} could land after its {@code resolved}, and PagerDuty or
 * Alertmanager would show a resolved outage as firing. Different incidents do not wait for each other. The
 * retry budget of an event counts from when it came, its wait included, so the async timeout still holds.
 * (All events of an incident reach the same instance: the detector is keyed by service and this operator
 * follows it one to one.)
 */
class WebhookDeliveryFunction extends RichAsyncFunction<AlertEvent, DeliveryResult> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryFunction.class);

    private final WebhookTarget target;
    private final WebhookPayload payload;
    private final WebhookSettings settings;

    private transient ScheduledExecutorService retryTimer;
    private transient WebhookSender sender;
    private transient DeliveryMetrics metrics;
    private transient AtomicInteger pending;
    /** Per incident, its latest event's delivery, while one is on its way; the next event follows it. */
    private transient ConcurrentHashMap<String, CompletableFuture<DeliveryResult>> latestOfIncident;

    WebhookDeliveryFunction(WebhookTarget target, WebhookPayload payload, WebhookSettings settings) {
        this.target = target;
        this.payload = payload;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = new AtomicInteger();
        latestOfIncident = new ConcurrentHashMap<>();
        metrics = new DeliveryMetrics(getRuntimeContext().getMetricGroup().addGroup("webhook"), pending::get);
        retryTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-retry " + target);
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        Backoff backoff = new Backoff(settings.backoffBase(), settings.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        sender = new WebhookSender(client, retryTimer, target, payload, settings, backoff);
    }

    @Override
    public void asyncInvoke(AlertEvent event, ResultFuture<DeliveryResult> resultFuture) {
        if (pending.incrementAndGet() > settings.maxInFlight()) {
            pending.decrementAndGet();
            LOG.error("Webhook {}: shedding {}: {} deliveries are already pending (webhook down or slow)", target,
                    event.eventKey(), settings.maxInFlight());
            complete(new DeliveryResult(target, event.eventKey(), DeliveryResult.Outcome.SHED, 0, 0, 0), resultFuture);
            return;
        }
        long received = System.nanoTime();
        // The sender's futures always complete normally, so a delivery after a failed one still goes.
        CompletableFuture<DeliveryResult> delivery = latestOfIncident.compute(event.alertId, (id, before) ->
                before == null ? sender.deliver(event, received)
                        : before.thenCompose(done -> sender.deliver(event, received)));
        delivery.whenComplete((result, error) -> latestOfIncident.remove(event.alertId, delivery));
        delivery.thenAccept(result -> {
            // Freed before Flink's queue slot is: when this count has room, Flink's queue (one slot larger)
            // waits at most for results already on their way out, never for a delivery.
            pending.decrementAndGet();
            complete(result, resultFuture);
        });
    }

    private void complete(DeliveryResult result, ResultFuture<DeliveryResult> resultFuture) {
        metrics.record(result);
        resultFuture.complete(List.of(result));
    }

    /** Unreachable while the async timeout exceeds the retry budget; here so that it stays harmless if not. */
    @Override
    public void timeout(AlertEvent event, ResultFuture<DeliveryResult> resultFuture) {
        LOG.error("Webhook {}: delivery of {} outlived the async timeout; counted as failed", target,
                event.eventKey());
        complete(new DeliveryResult(target, event.eventKey(), DeliveryResult.Outcome.FAILED, 0, 0,
                settings.asyncTimeout().toMillis()), resultFuture);
    }

    @Override
    public void close() {
        if (retryTimer != null) {
            retryTimer.shutdownNow();
        }
    }
}
