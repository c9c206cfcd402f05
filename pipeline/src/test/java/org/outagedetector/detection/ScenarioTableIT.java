package org.outagedetector.detection;

import org.junit.jupiter.api.Test;
import org.outagedetector.aggregation.MinutePeople;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.OutageDetector.MinuteEvidence;
import org.outagedetector.ingest.Post;
import org.outagedetector.ingest.PostParser;
import org.outagedetector.language.OutageLanguage;
import org.outagedetector.language.Verdict;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection delay and false alerts on generator scenarios: outages of different sizes at different times of
 * day, news decoys, bot bursts and a shared surge. Each scenario's posts go through the real parser and
 * language step, are tallied per service and minute (distinct authors), and are judged by the same
 * {@link OutageDetector} the job runs, with the stream's load as the job measures it: the distinct people among
 * the posts that report no outage ({@link MinutePeople}), judged by {@link StreamLoadGauge}. Prints the table:
 * <pre>
 * mvn -B -q -pl pipeline -am verify -Dit.test=ScenarioTableIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ScenarioTableIT {

    private static final long MINUTE = 60_000L;
    private static final Instant DAY2 = Instant.parse("2024-03-05T00:00:00Z");

    /** One row: a scenario, and whether the detector may use the stream's load. */
    private record Case(String name, ScenarioSpec spec, boolean withLoad) {}

    /** What one case produced. */
    private record Result(String name, List<String> delays, int falseAlerts) {}

    /** Two days of ordinary traffic; the events are on the second day. */
    private static ScenarioSpec base(long seed) {
        return new ScenarioSpec(Instant.parse("2024-03-04T00:00:00Z"), Duration.ofHours(48)).seed(seed).chatter(25)
                .background("twitter", 0.6).background("gmail", 0.5).background("netflix", 0.3)
                .background("tumblr", 0.2).background("github", 0.1).background("spotify", 0.2);
    }

    private static String at(String hhmm) {
        return DAY2.toString().replace("00:00:00Z", hhmm + ":00Z");
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("big outage, afternoon peak (200/min)",
                base(1).outage("twitter", at("16:00"), at("17:00"), 200), true));
        cases.add(new Case("medium outage, morning (30/min)",
                base(2).outage("tumblr", at("09:00"), at("09:30"), 30), true));
        cases.add(new Case("small outage, night (12/min)",
                base(3).outage("github", at("03:00"), at("03:30"), 12), true));
        cases.add(new Case("tiny outage, evening (8/min)",
                base(4).outage("spotify", at("20:00"), at("20:20"), 8), true));
        cases.add(new Case("news decoy (60 posts/min, 40 min)",
                base(5).decoy("netflix", at("13:30"), Duration.ofMinutes(40), 60), true));
        cases.add(new Case("bot burst (4 accounts x 15 posts/min)",
                base(6).botBurst("gmail", at("11:00"), Duration.ofMinutes(20), 4, 15), true));
        cases.add(new Case("shared surge x8, with stream load", surge(base(7)), true));
        cases.add(new Case("shared surge x8, without stream load", surge(base(7)), false));
        cases.add(new Case("outage during the surge (60/min)",
                surge(base(8)).outage("gmail", at("20:30"), at("20:50"), 60), true));
        cases.add(new Case("slow outage, 90 min build-up (slack, 2.4 to 12/min, fourth day)",
                slowBuildUp(9), true));
        return cases;
    }

    /**
     * Four days of ordinary traffic, so that the profile knows every hour, with a service that has a few
     * complaints a minute every afternoon; on the fourth afternoon it fails slowly: reports build up by 10 a
     * minute over an hour and a half, which the one-hour level follows.
     */
    private static ScenarioSpec slowBuildUp(long seed) {
        return new ScenarioSpec(Instant.parse("2024-03-04T00:00:00Z"), Duration.ofHours(96)).seed(seed).chatter(25)
                .background("slack", 2.5).background("twitter", 0.6).background("gmail", 0.5)
                .slowOutage("slack", "2024-03-07T14:00:00Z", "2024-03-07T16:30:00Z", 10, Duration.ofMinutes(90));
    }

    /**
     * A big live event: for an hour everyone posts eight times as much (the extra posts are about the event,
     * none of them complaints), and every service's everyday complaints rise eightfold with them.
     */
    private static ScenarioSpec surge(ScenarioSpec spec) {
        spec.decoy("world cup", at("20:00"), Duration.ofMinutes(60), 7 * 25 * 0.98);
        for (ScenarioSpec.Background b : List.copyOf(spec.background)) {
            spec.outage(b.service(), at("20:00"), at("21:00"), 7 * b.peakPerMinute() * 0.98);
        }
        return spec;
    }

    @Test
    void printsTheTable() {
        List<Result> results = new ArrayList<>();
        for (Case c : cases()) {
            results.add(run(c));
        }
        StringBuilder table = new StringBuilder("\n| scenario | detection delay (min after start) | false alerts |\n|---|---|---|\n");
        for (Result r : results) {
            table.append("| ").append(r.name()).append(" | ")
                    .append(r.delays().isEmpty() ? "-" : String.join(", ", r.delays())).append(" | ")
                    .append(r.falseAlerts()).append(" |\n");
        }
        System.out.println(table);

        Map<String, Result> byName = new HashMap<>();
        results.forEach(r -> byName.put(r.name(), r));
        assertThat(byName.get("big outage, afternoon peak (200/min)").delays()).containsExactly("2");
        assertThat(byName.get("medium outage, morning (30/min)").delays().get(0)).isNotEqualTo("missed");
        assertThat(byName.get("news decoy (60 posts/min, 40 min)").falseAlerts()).isZero();
        assertThat(byName.get("bot burst (4 accounts x 15 posts/min)").falseAlerts()).isZero();
        assertThat(byName.get("shared surge x8, with stream load").falseAlerts()).isZero();
        assertThat(byName.get("shared surge x8, without stream load").falseAlerts()).isPositive();
        assertThat(byName.get("outage during the surge (60/min)").delays().get(0)).isNotEqualTo("missed");
        Result slow = byName.get("slow outage, 90 min build-up (slack, 2.4 to 12/min, fourth day)");
        assertThat(slow.delays()).singleElement().satisfies(d -> assertThat(Integer.parseInt(d)).isLessThanOrEqualTo(90));
        assertThat(slow.falseAlerts()).isZero();
    }

    private static Result run(Case c) {
        Scenario scenario = new Scenario(c.spec());
        PostParser parser = new PostParser();
        OutageLanguage language = OutageLanguage.shared();
        long start = c.spec().start.toEpochMilli();
        int minutes = (int) c.spec().minutes();
        MinutePeople[] others = new MinutePeople[minutes];
        Map<String, Map<Integer, Set<String>>> authors = new TreeMap<>();
        for (long i = 0; i < scenario.size(); i++) {
            Post p = parse(parser, scenario.post(i));
            int minute = (int) ((p.createdAt - start) / MINUTE);
            Verdict v = language.classify(p.text, p.lang);
            if (!v.outage()) {
                if (others[minute] == null) {
                    others[minute] = new MinutePeople(start + minute * MINUTE);
                }
                others[minute].add(p.authorKey());
            } else if (v.service() != null) {
                authors.computeIfAbsent(v.service(), s -> new HashMap<>())
                        .computeIfAbsent(minute, m -> new HashSet<>()).add(p.authorKey());
            }
        }

        DetectorConfig cfg = DetectorConfig.defaults();
        OutageDetector detector = new OutageDetector(cfg);
        StreamLoadState stream = new StreamLoadState();
        Map<String, ServiceState> states = new TreeMap<>();
        authors.keySet().forEach(s -> states.put(s, new ServiceState()));
        List<AlertEvent> opens = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            long t = start + m * MINUTE;
            StreamLoad load = others[m] == null ? null
                    : StreamLoadGauge.next(stream, t, others[m].estimate(), MinutePeople.RELATIVE_ERROR, cfg);
            for (var e : states.entrySet()) {
                Set<String> who = authors.get(e.getKey()).getOrDefault(m, Set.of());
                detector.onStep(e.getValue(), new MinuteEvidence(e.getKey(), true, t, who.size(), who.size(),
                        List.of(), List.of(), 0, c.withLoad() ? load : null), a -> {
                    if (AlertEvent.OPEN.equals(a.state)) {
                        opens.add(a);
                    }
                });
            }
        }
        return score(c, opens);
    }

    /** Delay per real outage (minutes from its start to the open), and opens that match no outage. */
    private static Result score(Case c, List<AlertEvent> opens) {
        // The surge's per-service rises are not outages: only outages named in the case count as real.
        List<ScenarioSpec.Outage> real = c.spec().outages.stream()
                .filter(o -> !(o.start().equals(Instant.parse(at("20:00"))) && o.end().equals(Instant.parse(at("21:00")))))
                .toList();
        List<String> delays = new ArrayList<>();
        Set<AlertEvent> matched = new HashSet<>();
        for (ScenarioSpec.Outage o : real) {
            AlertEvent hit = opens.stream().filter(a -> a.service.equals(o.service())
                            && a.detectedAt >= o.start().toEpochMilli()
                            && a.detectedAt <= o.end().toEpochMilli() + 10 * MINUTE)
                    .findFirst().orElse(null);
            if (hit == null) {
                delays.add("missed");
            } else {
                matched.add(hit);
                delays.add(Long.toString((hit.detectedAt - o.start().toEpochMilli()) / MINUTE));
            }
        }
        return new Result(c.name(), delays, (int) opens.stream().filter(a -> !matched.contains(a)).count());
    }

    private static Post parse(PostParser parser, byte[] raw) {
        try {
            return parser.parse(raw);
        } catch (Exception e) {
            throw new IllegalStateException("the generator wrote an invalid post", e);
        }
    }
}
