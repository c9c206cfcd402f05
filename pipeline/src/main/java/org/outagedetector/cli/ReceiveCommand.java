package org.outagedetector.cli;

import org.outagedetector.alerting.webhook.AlertReceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "receive",
        description = "Listens on 127.0.0.1 and prints every webhook request it receives, to try the webhooks out. "
                + "Options: --port N (default 9000), --secret-file F (verify X-Signature-256), --help.")
public class ReceiveCommand implements Callable<Integer> {

    /** AlertReceiver parses its own flags (including --help). */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return AlertReceiver.run(args.toArray(String[]::new));
    }
}
