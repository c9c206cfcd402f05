package org.outagedetector.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The parts of Flink's REST API a test needs: cluster overview, task managers, jar upload and run, jobs. */
public final class FlinkRestClient {

    /** One line of GET /overview. */
    public record Overview(int taskManagers, int slotsTotal, int slotsAvailable, int jobsRunning) {}

    /** One entry of GET /jobs/overview. */
    public record JobSummary(String id, String name, String state) {}

    /** A non-2xx answer. */
    public static final class StatusException extends RuntimeException {
        private final int status;

        StatusException(String message, int status) {
            super(message);
            this.status = status;
        }

        /** 503: the cluster is still electing its leader or otherwise not ready; asking again later may work. */
        public boolean isUnavailable() {
            return status == 503;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // Running a jar executes its main() inside the JobManager, which may load models before it submits.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FlinkRestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Overview overview() {
        JsonNode n = get("/overview");
        return new Overview(n.path("taskmanagers").asInt(), n.path("slots-total").asInt(),
                n.path("slots-available").asInt(), n.path("jobs-running").asInt());
    }

    public List<String> taskManagerIds() {
        List<String> ids = new ArrayList<>();
        get("/taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }

    /** Uploads a job jar (POST /jars/upload, multipart) and returns the id the cluster gave it. */
    public String uploadJar(Path jar) {
        String boundary = "----flink-test-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.BodyPublisher body;
        try {
            // Streams the jar from disk: a shaded job jar is easily a few hundred megabytes.
            body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofFile(jar),
                    HttpRequest.BodyPublishers.ofString(tail));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("no job jar at " + jar, e);
        }
        JsonNode response = send(request("/jars/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
        // The answer names the stored file, e.g. /tmp/.../<uuid>_outage-detector.jar; that file name is the id.
        return Path.of(response.path("filename").asText()).getFileName().toString();
    }

    /** Runs an uploaded jar (POST /jars/:id/run) and returns the id of the job its main() submitted. */
    public String runJar(String jarId, String entryClass, List<String> programArgs, int parallelism) {
        ObjectNode body = JSON.createObjectNode();
        if (entryClass != null) {
            body.put("entryClass", entryClass);
        }
        body.putPOJO("programArgsList", programArgs);
        body.put("parallelism", parallelism);
        JsonNode response = send(request("/jars/" + jarId + "/run")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return response.path("jobid").asText();
    }

    public List<JobSummary> jobs() {
        List<JobSummary> jobs = new ArrayList<>();
        get("/jobs/overview").path("jobs").forEach(j ->
                jobs.add(new JobSummary(j.path("jid").asText(), j.path("name").asText(), j.path("state").asText())));
        return jobs;
    }

    public String jobState(String jobId) {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** True once the job has vertices and every one of them is RUNNING. */
    public boolean allTasksRunning(String jobId) {
        JsonNode vertices = get("/jobs/" + jobId).path("vertices");
        if (vertices.isEmpty()) {
            return false;
        }
        for (JsonNode v : vertices) {
            if (!v.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    /** How many failures (each followed by a restart or the end of the job) the job's history records. */
    public int failureCount(String jobId) {
        return get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries").size();
    }

    /** The job's root exception and history, as the cluster reports them; for failure messages. */
    public String jobExceptions(String jobId) {
        return get("/jobs/" + jobId + "/exceptions").toPrettyString();
    }

    public void cancel(String jobId) {
        send(request("/jobs/" + jobId + "?mode=cancel").method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    public JsonNode get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest r = request.build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new StatusException(r.method() + " " + r.uri() + " answered " + response.statusCode()
                        + ": " + response.body(), response.statusCode());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.method() + " " + r.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + r.method() + " " + r.uri(), e);
        }
    }
}
