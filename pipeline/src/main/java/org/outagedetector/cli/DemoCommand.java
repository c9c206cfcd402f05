package org.outagedetector.cli;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertOutput;
import org.outagedetector.alerting.ConsoleAlertOutput;
import org.outagedetector.alerting.JsonLinesAlertOutput;
import org.outagedetector.alerting.LineFileSink;
import org.outagedetector.alerting.report.IncidentReport;
import org.outagedetector.ingest.Sources;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the full job on a local mini-cluster over the built-in 21 June 2012 Twitter outage "
                + "scenario and prints each alert as it opens, updates and resolves.")
public class DemoCommand implements Callable<Integer> {

    @Mixin
    AlertSinkOptions sinks;

    @Option(names = "--alerts", paramLabel = "FILE", description = "Also write the alerts as JSON lines here.")
    Path alertsFile;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write a chart per incident and an index page (index.html) into this directory.")
    Path report;

    @Option(names = "--parallelism", defaultValue = "2", description = "Mini-cluster parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        List<AlertOutput> outputs = new ArrayList<>(List.of(new ConsoleAlertOutput()));
        outputs.addAll(sinks.outputs()); // a bad sink flag fails here, before the banner
        if (alertsFile != null) {
            outputs.add(new JsonLinesAlertOutput(alertsFile));
        }
        Scenario scenario = new Scenario(Scenarios.twitter2012());
        System.out.printf("""
                Outage detector demo: %,d posts from %s to %s (event time), replayed as fast as possible.
                Everyday chatter and complaints about %d services, a Netflix news story, a Gmail bot burst,
                a small Tumblr outage, and Twitter's outage of 21 June 2012 (down 16:00-17:10 and 17:40-18:08 UTC).
                Each minute, per service, the job counts the distinct people saying it is down and compares
                that with the service's own baseline for that time of day.%n%n""",
                scenario.size(), scenario.spec().start, scenario.spec().start.plus(scenario.spec().length),
                scenario.spec().background.size());
        StreamExecutionEnvironment env = LocalRun.environment(parallelism);
        List<AlertEvent> alerts = LocalRun.execute(env,
                new OutageDetectorJob.Inputs(Sources.scenario(scenario), Sources.lines(scenario.statements())),
                new OutageDetectorJob.Outputs(outputs, null,
                        report == null ? null : new LineFileSink(IncidentReport.pointsFile(report))),
                "outage-detector demo");
        System.out.println();
        System.out.println(Summary.of(alerts));
        if (report != null) {
            System.out.println("Incident report: " + IncidentReport.write(alerts, IncidentReport.pointsFile(report), report));
        }
        return 0;
    }
}
