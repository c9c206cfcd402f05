package org.outagedetector.cli;

import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.ingest.Sources;
import org.outagedetector.language.ServiceCatalog;
import org.outagedetector.language.ServiceEntry;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Runs the job on a local mini-cluster over a long generated scenario (days of event time, "
                + "hundreds of services, an outage every few hours) and prints the heap in use after a full GC at "
                + "intervals, to show that the job's memory levels off instead of growing with the run.")
public class SoakCommand implements Callable<Integer> {

    private static final Instant START = Instant.parse("2024-05-06T00:00:00Z");
    private static final long MIB = 1024 * 1024;

    @Option(names = "--days", defaultValue = "7", description = "Event time to cover (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--services", defaultValue = "300",
            description = "Services with everyday complaints, from the catalog (default ${DEFAULT-VALUE}).")
    int services;

    @Option(names = "--outage-every", defaultValue = "4h", converter = DurationConverter.class,
            description = "One 30-minute outage, with an official statement, this often (default ${DEFAULT-VALUE}).")
    Duration outageEvery;

    @Option(names = "--report-every", defaultValue = "10s", converter = DurationConverter.class,
            description = "How often to print the heap after a full GC (default ${DEFAULT-VALUE}).")
    Duration reportEvery;

    @Option(names = "--parallelism", defaultValue = "2", description = "Mini-cluster parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || services < 1 || outageEvery.toMinutes() < 60 || reportEvery.toMillis() < 100) {
            System.err.println("soak: --days and --services must be at least 1, --outage-every at least 1h, "
                    + "--report-every at least 100ms");
            return 2;
        }
        Scenario scenario = new Scenario(spec());
        System.out.printf(Locale.ROOT, "soak: %d day(s) of event time from %s, %d services, an outage every %s, "
                        + "%,d posts, parallelism %d%n", days, START, scenario.spec().background.size(),
                outageEvery.toString().substring(2).toLowerCase(Locale.ROOT), scenario.size(), parallelism);
        System.out.println("  wall s  heap after full GC (MiB)");

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> samples = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-heap-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> {
            // After a full collection only what is reachable is left: the job's state, buffers and code.
            memory.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            samples.add(used);
            System.out.printf(Locale.ROOT, "  %6d  %6d%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                    used / MIB);
        }, reportEvery.toMillis(), reportEvery.toMillis(), TimeUnit.MILLISECONDS);
        List<AlertEvent> alerts;
        try {
            alerts = LocalRun.execute(LocalRun.environment(parallelism),
                    new OutageDetectorJob.Inputs(Sources.scenario(scenario, parallelism),
                            Sources.lines(scenario.statements())),
                    new OutageDetectorJob.Outputs(List.of(), null), "outage-detector soak");
        } finally {
            sampler.shutdownNow();
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        long opens = alerts.stream().filter(a -> a.state.equals(AlertEvent.OPEN)).count();
        System.out.printf(Locale.ROOT, "done: %,d posts in %d s (%,d posts/s); %d alert events, %d incidents opened "
                + "for %d outages%n", scenario.size(), seconds, scenario.size() / seconds, alerts.size(), opens,
                scenario.spec().outages.size());
        if (samples.isEmpty()) {
            System.out.println("heap: no sample (the run was shorter than --report-every)");
        } else {
            System.out.printf(Locale.ROOT, "heap after full GC: first %d MiB, max %d MiB, last %d MiB (%d samples)%n",
                    samples.get(0) / MIB, samples.stream().mapToLong(Long::longValue).max().orElseThrow() / MIB,
                    samples.get(samples.size() - 1) / MIB, samples.size());
        }
        return 0;
    }

    /**
     * Everyday complaints about the first --services catalog services and chatter in proportion; every
     * --outage-every, the next service has a 30-minute outage and an official statement 10 minutes into it.
     */
    private ScenarioSpec spec() {
        ScenarioSpec spec = new ScenarioSpec(START, Duration.ofDays(days)).chatter(60);
        List<ServiceEntry> catalog = ServiceCatalog.shared().services();
        int n = Math.min(services, catalog.size());
        for (int i = 0; i < n; i++) {
            spec.background(catalog.get(i).name(), 0.05 + (i % 10) * 0.03);
        }
        Instant lastStart = START.plus(Duration.ofDays(days)).minus(Duration.ofHours(1));
        int k = 0;
        for (Instant t = START.plus(outageEvery); t.isBefore(lastStart); t = t.plus(outageEvery), k++) {
            String service = catalog.get(k % n).name();
            spec.outage(service, t.toString(), t.plus(Duration.ofMinutes(30)).toString(), 40 + 20 * (k % 5));
            spec.statement(service, t.plus(Duration.ofMinutes(10)).toString(), "investigating", "Looking into it.");
        }
        return spec;
    }
}
