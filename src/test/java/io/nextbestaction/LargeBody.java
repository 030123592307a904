package io.nextbestaction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Bodies too large to build in memory, sent as a client that streams them would send them. */
public final class LargeBody {

    /** What the client saw: the status, the content type and the body. */
    public record Answer(int status, String contentType, String body) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LargeBody() {
    }

    /** POSTs head, padding ('x' repeated) and tail, made as they are sent, chunked: without a Content-Length. */
    public static Answer chunked(URI uri, String head, long padding, String tail) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new SequenceInputStream(
                        new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), padding(padding)),
                        new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8))))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /**
     * Sends only the head of a POST declaring {@code length} bytes, with {@code Expect: 100-continue}, and reads the
     * answer to it until the server closes the connection (java.net.http in Java 17 never completes such a request
     * answered without a 100).
     */
    public static Answer declared(URI uri, String contentType, long length, String authorization) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\nAuthorization: " + authorization + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String[] response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n", 2);
            String contentTypeLine = Arrays.stream(response[0].split("\r\n"))
                    .filter(line -> line.toLowerCase().startsWith("content-type:")).findFirst().orElse(":");
            return new Answer(Integer.parseInt(response[0].split(" ")[1]), contentTypeLine.substring(contentTypeLine.indexOf(':') + 1).trim(),
                    response.length > 1 ? response[1] : "");
        }
    }

    private static InputStream padding(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }
}
