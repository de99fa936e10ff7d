package org.samed2d.explorer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The test server's REST API over real HTTP: requests by path, JSON bodies, and waiting for background jobs. */
public final class LocalApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final @Nullable String token;

    /** Anonymous. */
    public LocalApi(int port) {
        this(port, null);
    }

    /** With {@code Authorization: Bearer token} on every request. */
    public LocalApi(int port, @Nullable String token) {
        this.port = port;
        this.token = token;
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Bytes, with optional request headers as name, value pairs. */
    public HttpResponse<byte[]> bytes(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(pathAndQuery);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    /** Any method with a JSON body (empty for none), with optional request headers as name, value pairs. */
    public HttpResponse<String> send(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /**
     * Starts a background job (an export, an evaluation) with a POST to {@code collection}, which must accept it
     * (202), and returns its report once it has finished, whatever its state.
     */
    public JsonNode finishedJob(String collection, String body) throws IOException, InterruptedException {
        HttpResponse<String> started = post(collection, body);
        if (started.statusCode() != 202) {
            throw new AssertionError("POST " + collection + " answered " + started.statusCode() + ": " + started.body());
        }
        return finished(collection + "/" + json(started.body()).get("id").asString());
    }

    /** A background job's report once its {@code state} is no longer queued or running. */
    public JsonNode finished(String path) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2))
                .until(() -> json(get(path).body()), report -> !report.get("state").asString().matches("queued|running"));
    }
}
