package org.outagedetector.alerting.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A webhook endpoint for trying the detector out: listens on 127.0.0.1 (or --host), prints one line per request
 * (which format, what it says, its idempotency key, whether its signature verified, whether it is a
 * retried copy) followed by the body, and answers 200.
 */
public final class AlertReceiver implements AutoCloseable {

    static final String USAGE = """
            Usage: receive [--host H] [--port N] [--secret-file F]
              Listens on http://H:N/ (default 127.0.0.1:9000, any path) and prints each webhook it receives.
              --host H          address to listen on; 0.0.0.0 inside a container (default 127.0.0.1)
              --port N          port to listen on; 0 picks a free one
              --secret-file F   check X-Signature-256 against an HMAC-SHA256 keyed with F's bytes
              --help            show this help""";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough to recognise retried copies while trying things out, without growing forever. */
    private static final int REMEMBERED_KEYS = 10_000;

    private final HttpServer server;
    private final byte[] secret;
    private final PrintStream out;
    private final Set<String> seenKeys = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    });

    private AlertReceiver(HttpServer server, byte[] secret, PrintStream out) {
        this.server = server;
        this.secret = secret;
        this.out = out;
    }

    /** Starts listening on 127.0.0.1:port; {@code secret} may be null to skip signature checks. */
    static AlertReceiver start(int port, byte[] secret, PrintStream out) throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, secret, out);
    }

    static AlertReceiver start(InetAddress host, int port, byte[] secret, PrintStream out) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        AlertReceiver receiver = new AlertReceiver(server, secret, out);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The {@code receive} command: serves until the process is stopped; returns only on bad usage or --help. */
    public static int run(String[] args) {
        int port = 9000;
        String host = "127.0.0.1";
        byte[] secret = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    case "--host" -> host = value(args, ++i, "--host");
                    case "--port" -> port = port(value(args, ++i, "--port"));
                    case "--secret-file" -> secret = Files.readAllBytes(Path.of(value(args, ++i, "--secret-file")));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("receive: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try (AlertReceiver receiver = start(InetAddress.getByName(host), port, secret, System.out)) {
            System.out.println("Listening on http://" + host + ":" + receiver.port() + "/"
                    + (secret == null ? "" : " (checking signatures)") + "; Ctrl-C stops.");
            new CountDownLatch(1).await();
            return 0;
        } catch (IOException e) {
            System.err.println("receive: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int port(String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + value + "'");
        }
        return port;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst(WebhookSender.IDEMPOTENCY_KEY);
            boolean duplicate;
            synchronized (seenKeys) {
                duplicate = key != null && !seenKeys.add(key);
            }
            String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " POST " + exchange.getRequestURI().getPath()
                    + "  " + ReceivedBody.describe(body)
                    + "  [key " + key + ", " + signature(exchange, body) + (duplicate ? ", DUPLICATE" : "") + "]";
            synchronized (out) {
                out.println(line);
                out.println(ReceivedBody.pretty(body));
                out.flush();
            }
            byte[] reply = "ok\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    private String signature(HttpExchange exchange, byte[] body) {
        String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
        if (secret == null) {
            return header == null ? "unsigned" : "signed, not checked";
        }
        if (header == null) {
            return "signature MISSING";
        }
        return WebhookSignature.verify(secret, body, header) ? "signature verified" : "signature INVALID";
    }

    /** Reads what a body says, whichever of the four formats it is in. */
    static final class ReceivedBody {

        private ReceivedBody() {}

        static String describe(byte[] body) {
            if (body.length == 0) {
                return "empty body";
            }
            JsonNode n;
            try {
                n = JSON.readTree(body);
            } catch (IOException e) {
                return "not JSON (" + body.length + " bytes)";
            }
            if (n == null || !n.isObject()) {
                return "JSON, but not an object (" + body.length + " bytes)";
            }
            if (n.has("event_action")) {
                return "pagerduty " + n.path("event_action").asText() + " dedup_key=" + n.path("dedup_key").asText()
                        + ": " + n.path("payload").path("summary").asText();
            }
            if (n.has("version") && n.has("alerts")) {
                return "alertmanager v" + n.path("version").asText() + " " + n.path("status").asText() + ": "
                        + n.path("commonAnnotations").path("summary").asText();
            }
            if (n.has("alert_id")) {
                return "alert " + n.path("state").asText() + " " + n.path("service").asText() + " ("
                        + n.path("severity").asText() + "): " + n.path("distinct_authors").asInt()
                        + " authors, " + n.path("expected").asDouble() + " expected"
                        + (n.has("lead_time_seconds") ? ", lead time " + n.path("lead_time_seconds").asLong() + " s" : "");
            }
            if (n.has("text")) {
                return "slack: " + n.path("text").asText();
            }
            return "JSON object (" + body.length + " bytes)";
        }

        /** Indented JSON with the PagerDuty routing key masked; the raw text when it is not JSON. */
        static String pretty(byte[] body) {
            try {
                JsonNode n = JSON.readTree(body);
                if (n instanceof ObjectNode o && o.has("routing_key")) {
                    o.put("routing_key", "<redacted>");
                }
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
            } catch (IOException e) {
                return new String(body, StandardCharsets.UTF_8);
            }
        }
    }
}
