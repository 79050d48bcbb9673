package com.logishift.support.kit.test;

import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests rest-assured cannot send: a chunked body, a URI or headers beyond what a client library
 * allows, a connection the client drops halfway. Answers are read up to the end of the connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonObject json() {
            return new JsonObject(body);
        }
    }

    /** Sends {@code head} (request line and headers, without the empty line) and then {@code body}. */
    public static Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            return exchange(socket, head, body);
        }
    }

    /**
     * Sends {@code method path} to the server on {@code port} from the local address {@code from}
     * (127.0.0.2 and so on: a caller other than the tests' usual 127.0.0.1, e.g. a trusted proxy),
     * with extra header lines and a JSON body, or none where it is null.
     */
    public static Answer sendFrom(String from, int port, String method, String path, Map<String, String> headers,
            String jsonBody) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port);
        headers.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        if (jsonBody != null) {
            head.append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length);
        }
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            return exchange(socket, head.toString(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer exchange(Socket socket, String head, byte[] body) throws IOException {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        try {
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
        } catch (SocketException e) {
            // the server may answer and close before it has read everything: read that answer
        }
        return read(socket.getInputStream());
    }

    /** A chunked body of {@code size} bytes, all of {@code fill}. */
    public static byte[] chunked(int size, char fill) {
        return chunked(String.valueOf(fill).repeat(size).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code body} in chunks of at most 8 KB. */
    public static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 8192) {
            int chunk = Math.min(8192, body.length - at);
            out.writeBytes((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, chunk);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Opens a request announcing {@code announced} body bytes, sends a few and hangs up. */
    public static void hangUpMidBody(String head, int announced) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nContent-Length: " + announced + "\r\n\r\n{\"subject\":\"half").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Opens a request with a chunked body, sends one chunk of {@code sent} bytes and hangs up. */
    public static void hangUpMidChunkedBody(String head, int sent) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(sent) + "\r\n{\"subject\":\""
                    + "x".repeat(sent - 12)).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketException e) {
            throw new IOException("connection reset before an answer arrived", e);
        }
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer: '" + text + "'");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
