package org.outagedetector.alerting.webhook;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.outagedetector.alerting.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * The events of one incident go out one after the other, each once the one before is delivered or given up,
 * earliest first: sent side by side, a retried {@code open} could land after its {@code resolved}, and
 * PagerDuty or Alertmanager would show a resolved outage as firing. Different incidents do not wait for each
 * other. The retry budget of an event counts from when it came, its wait included, so the async timeout still
 * holds. An event earlier than one of its incident already sent is not sent at all ({@code superseded}): after
 * a restore, Flink hands the pending events back in no particular order, and the first one sent may be a
 * later one. (All events of an incident reach the same instance: the detector is keyed by service and this
 * operator follows it one to one.)
 */
class WebhookDeliveryFunction extends RichAsyncFunction<AlertEvent, DeliveryResult> implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryFunction.class);

    private final WebhookTarget target;
    private final WebhookPayload payload;
    private final WebhookSettings settings;

    private transient ScheduledExecutorService retryTimer;
    private transient WebhookSender sender;
    private transient DeliveryMetrics metrics;
    private transient AtomicInteger pending;
    /** Incidents whose events are waiting or were sent, by alert id; guarded by itself. */
    private transient Map<String, IncidentQueue> incidents;
    /** Arrival order, for events of one incident that rank the same. Task thread only. */
    private transient long arrivals;
    /** Restored from a checkpoint: the events Flink hands back are gathered, then sent in their order. */
    private transient boolean restored;
    /** While true, events wait without being sent; guarded by {@link #incidents}. */
    private transient boolean gathering;

    WebhookDeliveryFunction(WebhookTarget target, WebhookPayload payload, WebhookSettings settings) {
        this.target = target;
        this.payload = payload;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = new AtomicInteger();
        incidents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, IncidentQueue> eldest) {
                return size() > REMEMBERED_INCIDENTS && eldest.getValue().idle();
            }
        };
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
        if (restored) {
            // Flink hands the pending events back right after this, one after the other and in no particular
            // order; sent as they came, the first of an incident could be a later one and the earlier ones
            // would be superseded. They are all in long before this.
            gathering = true;
            retryTimer.schedule(this::sendGathered, RESTORE_GATHERING.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        restored = context.isRestored();
    }

    /** The pending events are Flink's own operator state; this function keeps none. */
    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    private void sendGathered() {
        Map<String, Waiting> ready = new LinkedHashMap<>();
        synchronized (incidents) {
            gathering = false;
            incidents.forEach((id, incident) -> {
                if (incident.current == null) {
                    ready.put(id, takeNext(incident));
                }
            });
        }
        ready.forEach(this::send);
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
        Waiting w = new Waiting(event, resultFuture, System.nanoTime(), arrivals++);
        Waiting next = null;
        synchronized (incidents) {
            IncidentQueue incident = incidents.computeIfAbsent(event.alertId, id -> new IncidentQueue());
            incident.waiting.add(w);
            if (incident.current == null && !gathering) {
                next = takeNext(incident);
            }
        }
        send(event.alertId, next);
    }

    /**
     * Under the lock: the incident's earliest waiting event that may go now, made its current one; null (and no
     * current one) when there is none.
     */
    private Waiting takeNext(IncidentQueue incident) {
        Waiting next;
        do {
            next = incident.waiting.poll();
        } while (next != null && !sendable(incident, next));
        incident.current = next;
        if (next != null) {
            incident.lastSent = next.rank();
        }
        return next;
    }

    /** Sends {@code w}, if any, and the incident's next event once it is done. */
    private void send(String alertId, Waiting w) {
        if (w == null) {
            return;
        }
        // The sender's futures always complete normally, so the event after a failed one still goes.
        sender.deliver(w.event, w.receivedNanos).thenAccept(result -> {
            finish(w, result);
            Waiting next;
            synchronized (incidents) {
                next = takeNext(incidents.get(alertId));
            }
            send(alertId, next);
        });
    }

    /** Whether the incident's next event may go now; one that may not is finished here, with its reason. */
    private boolean sendable(IncidentQueue incident, Waiting w) {
        if (incident.lastSent != null && w.rank().compareTo(incident.lastSent) < 0) {
            LOG.warn("Webhook {}: not sending {}: a later event of its incident was sent before it", target,
                    w.event.eventKey());
            finish(w, new DeliveryResult(target, w.event.eventKey(), DeliveryResult.Outcome.SUPERSEDED, 0, 0, 0));
            return false;
        }
        // Its first attempt must be able to end before Flink's async timeout, counted from when it came: else
        // that timeout would report it failed while the request still reached the receiver.
        Duration waited = Duration.ofNanos(System.nanoTime() - w.receivedNanos);
        if (waited.plus(settings.attemptTimeout()).compareTo(settings.asyncTimeout()) >= 0) {
            LOG.error("Webhook {}: giving up on {} unsent: it waited {} s behind its incident's earlier events",
                    target, w.event.eventKey(), waited.toSeconds());
            finish(w, new DeliveryResult(target, w.event.eventKey(), DeliveryResult.Outcome.FAILED, 0, 0,
                    waited.toMillis()));
            return false;
        }
        return true;
    }

    /** The event's one outcome: whichever of its delivery and its async timeout comes first. */
    private void finish(Waiting w, DeliveryResult result) {
        if (w.finished.compareAndSet(false, true)) {
            // Freed before Flink's queue slot is: when this count has room, Flink's queue (one slot larger)
            // waits at most for results already on their way out, never for a delivery.
            pending.decrementAndGet();
            complete(result, w.result);
        }
    }

    private void complete(DeliveryResult result, ResultFuture<DeliveryResult> resultFuture) {
        metrics.record(result);
        resultFuture.complete(List.of(result));
    }

    /**
     * An event still waiting behind its incident's earlier ones when the async timeout (the retry budget and a
     * margin, from when it came) runs out is given up, and never sent. A delivery on its way does not outlive
     * its retry budget; should it ever, its result is not counted again.
     */
    @Override
    public void timeout(AlertEvent event, ResultFuture<DeliveryResult> resultFuture) {
        Waiting w = null;
        boolean waiting = false;
        synchronized (incidents) {
            IncidentQueue incident = incidents.get(event.alertId);
            if (incident != null) {
                for (Waiting candidate : incident.waiting) {
                    if (candidate.result == resultFuture) {
                        w = candidate;
                    }
                }
                waiting = w != null && incident.waiting.remove(w);
                if (w == null && incident.current != null && incident.current.result == resultFuture) {
                    w = incident.current;
                }
            }
        }
        LOG.error("Webhook {}: {} of {} outlived the async timeout; counted as failed", target,
                waiting ? "the wait" : "the delivery", event.eventKey());
        DeliveryResult failed = new DeliveryResult(target, event.eventKey(), DeliveryResult.Outcome.FAILED, 0, 0,
                settings.asyncTimeout().toMillis());
        if (w != null) {
            finish(w, failed);
        } else {
            complete(failed, resultFuture);
        }
    }

    @Override
    public void close() {
        if (retryTimer != null) {
            retryTimer.shutdownNow();
        }
    }

    /** How long a restored instance gathers the events Flink hands back before it sends them. */
    private static final Duration RESTORE_GATHERING = Duration.ofMillis(200);

    /** Incidents remembered once idle, for their last sent event; far more than are ever open at once. */
    private static final int REMEMBERED_INCIDENTS = 10_000;

    /** Where an event stands among its incident's: by time, then open, update, resolved. */
    private record Rank(long detectedAt, int state) implements Comparable<Rank> {
        private static final List<String> STATES = List.of(AlertEvent.OPEN, AlertEvent.UPDATE, AlertEvent.RESOLVED);

        static Rank of(AlertEvent e) {
            return new Rank(e.detectedAt, STATES.indexOf(e.state));
        }

        @Override
        public int compareTo(Rank other) {
            int byTime = Long.compare(detectedAt, other.detectedAt);
            return byTime != 0 ? byTime : Integer.compare(state, other.state);
        }
    }

    /** An event waiting for its turn, with the future Flink waits on; it is finished once. */
    private record Waiting(AlertEvent event, ResultFuture<DeliveryResult> result, long receivedNanos, long arrival,
                           AtomicBoolean finished) {
        Waiting(AlertEvent event, ResultFuture<DeliveryResult> result, long receivedNanos, long arrival) {
            this(event, result, receivedNanos, arrival, new AtomicBoolean());
        }

        Rank rank() {
            return Rank.of(event);
        }
    }

    /**
     * One incident's events for this webhook: at most one on its way, the rest waiting, earliest first. Once
     * idle it keeps only the rank of the last one sent, a few bytes.
     */
    private static final class IncidentQueue {
        final PriorityQueue<Waiting> waiting = new PriorityQueue<>(
                Comparator.comparing(Waiting::rank).thenComparingLong(Waiting::arrival));
        /** The one on its way; null when none is. */
        Waiting current;
        Rank lastSent;

        boolean idle() {
            return current == null && waiting.isEmpty();
        }
    }
}
