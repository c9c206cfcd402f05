package org.outagedetector.alerting.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP endpoint on loopback that records each request and answers as its responder decides. */
final class TestWebhookServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    /** What to answer: a status code and optional extra headers; may block to simulate a slow endpoint. */
    interface Responder {
        Response respond(Request request, int index) throws Exception;
    }

    record Response(int status, Map<String, String> headers) {
        static Response of(int status) {
            return new Response(status, Map.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();

    private TestWebhookServer(Responder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Handlers run in parallel so a blocked request cannot hold up the next one.
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                Request request = new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        exchange.getRequestBody().readAllBytes());
                int index;
                synchronized (requests) {
                    index = requests.size();
                    requests.add(request);
                    requests.notifyAll();
                }
                Response response = responder.respond(request, index);
                response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(response.status(), -1);
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.start();
    }

    static TestWebhookServer start(Responder responder) throws IOException {
        return new TestWebhookServer(responder);
    }

    static TestWebhookServer ok() throws IOException {
        return start((request, index) -> Response.of(200));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits until at least n requests have arrived; false when the time runs out first. */
    boolean awaitRequests(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (requests.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                requests.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
