package org.outagedetector.cli;

import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertOutput;
import org.outagedetector.alerting.JsonLinesAlertOutput;
import org.outagedetector.alerting.LineFileSink;
import org.outagedetector.alerting.report.IncidentReport;
import org.outagedetector.ingest.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Runs the job on a local mini-cluster over JSON-lines files, in event time, and exits when "
                + "the input is exhausted and every window has fired.")
public class ReplayCommand implements Callable<Integer> {

    @Option(names = "--posts", required = true, paramLabel = "FILE", description = "Posts, one JSON object per line.")
    Path posts;

    @Option(names = "--status", paramLabel = "FILE", description = "Official status updates, one JSON object per line.")
    Path status;

    @Option(names = "--alerts", required = true, paramLabel = "OUT", description = "Alert events are written here as JSON lines.")
    Path alerts;

    @Option(names = "--dead-letter", paramLabel = "OUT", description = "Rejected records, with their reasons, as JSON lines.")
    Path deadLetters;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write a chart per incident and an index page (index.html) into this directory.")
    Path report;

    @Option(names = "--parallelism", defaultValue = "2", description = "Mini-cluster parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Mixin
    AlertSinkOptions sinks;

    @Override
    public Integer call() throws Exception {
        for (Path input : status == null ? List.of(posts) : List.of(posts, status)) {
            if (!Files.isReadable(input)) {
                System.err.println("replay: cannot read " + input);
                return 2;
            }
        }
        List<AlertOutput> outputs = new ArrayList<>(List.of(new JsonLinesAlertOutput(alerts)));
        outputs.addAll(sinks.outputs());
        List<AlertEvent> result = LocalRun.execute(LocalRun.environment(parallelism),
                new OutageDetectorJob.Inputs(Sources.jsonLines(posts), status == null ? null : Sources.jsonLines(status)),
                new OutageDetectorJob.Outputs(outputs, deadLetters == null ? null : new LineFileSink(deadLetters),
                        report == null ? null : new LineFileSink(IncidentReport.pointsFile(report))),
                "outage-detector replay");
        System.err.println(Summary.of(result));
        System.err.println(result.size() + " alert event(s) written to " + alerts);
        if (report != null) {
            System.err.println("incident report: " + IncidentReport.write(result, IncidentReport.pointsFile(report), report));
        }
        return 0;
    }
}
