package com.logishift.support.systemtests.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events connection as a browser's EventSource would hold it (java.net.http, lines as
 * they arrive): each complete event is queued with the moment its last line arrived.
 */
public final class LiveStream implements AutoCloseable {

    /** One event: its {@code event:} name, {@code id:} and {@code data:} (lines joined by \n). */
    public record Event(String name, String id, String data, long receivedAtNanos) {
    }

    private final int status;
    private final Stream<String> lines;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        if (status == 200) {
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true); // never keeps the test JVM alive
            reader.start();
        }
    }

    /** Opens the stream; the answer's status is {@link #status()} (the body is read only for a 200). */
    public static LiveStream open(String url) {
        return open(url, null);
    }

    /** The same with {@code Authorization: Bearer} (a ticket's thread stream); {@code token} null sends none. */
    public static LiveStream open(String url, String token) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20)); // until the response headers
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.GET().build();
        try {
            return new LiveStream(client.send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    /** The next event called {@code name} within the timeout (others are skipped, and kept in {@link #seen()}). */
    public Event next(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no '" + name + "' event on the stream within " + timeout.toSeconds()
                            + " s; events so far: " + seen);
                }
                seen.add(event);
                if (name.equals(event.name())) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public List<Event> seen() {
        return List.copyOf(seen);
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) { // a blank line ends an event
                    if (data != null || name != null) {
                        events.add(new Event(name == null ? "message" : name, id,
                                data == null ? "" : data.toString(), System.nanoTime()));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    continue; // a comment: keep-alive
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { } // retry: and unknown fields are ignored, as EventSource does
                    }
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed (by us, or by the server at shutdown)
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
