package jp.shinchoku.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a body that the server is expected to refuse before reading it all, as a client that reads the answer while
 * it still sends: the body goes out on a thread of its own, whose failure (the server closing the connection once it
 * has answered) is ignored, while this thread reads the answer. A client that reads only after sending (the JDK's
 * {@code HttpClient}) loses the answer to that closing at random.
 */
final class OversizedUpload {

    private OversizedUpload() {
    }

    /** POSTs {@code body} with a length, or chunked without one; returns the server's answer. */
    static HttpJson.Response post(URI uri, byte[] body, String contentType, String token, boolean chunked) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Connection: close\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n").append("\r\n");
            OutputStream out = socket.getOutputStream();
            Thread sender = Thread.ofPlatform().daemon().start(() -> send(out, head.toString(), body, chunked));
            HttpJson.Response response = read(socket.getInputStream());
            sender.interrupt();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(OutputStream out, String head, byte[] body, boolean chunked) {
        try {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                int length = Math.min(64 * 1024, body.length - offset);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(body, offset, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // the server answered and closed before reading everything: what this client is testing
        }
    }

    private static HttpJson.Response read(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length").getFirst())));
        } else {
            body.write(in.readAllBytes());
        }
        HttpHeaders all = HttpHeaders.of(headers, (name, value) -> true);
        return new HttpJson.Response(code, body.toString(StandardCharsets.UTF_8),
                all.firstValue("location").orElse(null), all.firstValue("content-type").orElse(null), all);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of the answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
