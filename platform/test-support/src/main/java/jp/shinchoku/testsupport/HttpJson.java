package jp.shinchoku.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A plain HTTP client for calling a running service as its users do, with JSON bodies. */
public final class HttpJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    /** A client signed in as the administrator (see {@link #as}). */
    public HttpJson(String baseUrl) {
        this(baseUrl, TestTokens.admin());
    }

    private HttpJson(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same service, called with this bearer token ({@link TestTokens}). */
    public HttpJson as(String bearerToken) {
        return new HttpJson(baseUrl, bearerToken);
    }

    /** The same service, called without any token. */
    public HttpJson anonymous() {
        return new HttpJson(baseUrl, null);
    }

    public static HttpJson onPort(int port) {
        return new HttpJson("http://127.0.0.1:" + port);
    }

    /** A value for a path segment or query parameter, percent-encoded as UTF-8 ({@code 三条市}, {@code 令和6年度}). */
    public static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Response post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), headers);
    }

    /** Posts a body that is not JSON (a CSV file, a spreadsheet) with its content type. */
    public Response postBytes(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), Map.of());
    }

    /**
     * Posts a body the server should refuse before reading it all (over a size limit), reading the answer while it
     * still sends, so the answer is never lost to the server closing the connection; {@code chunked} sends it without
     * a length.
     */
    public Response postOversized(String path, byte[] body, String contentType, boolean chunked) {
        return OversizedUpload.post(URI.create(baseUrl + path), body, contentType, token, chunked);
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), Map.of());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), Map.of());
    }

    /** Any method, with a JSON body or none. */
    public Response send(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), Map.of());
    }

    private Response send(HttpRequest.Builder request, Map<String, String> headers) {
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String location, String contentType,
            java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        }

        /** The response's first header of that name, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
