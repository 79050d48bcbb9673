package com.logishift.support.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates the benchmark's accounts straight against agent-service (the gateway allows only 20
 * sign-ins/sign-ups per minute per IP): N customers, M agents approved by the admin, and signs
 * everyone in. Writes DIR/customers.txt, agents.txt, admins.txt (one bearer token a line) and
 * customers.tsv / agents.tsv (id, name, email) for the SQL seed.
 *
 * <p>Usage: Setup AGENT_SERVICE_URL ADMIN_EMAIL ADMIN_PASSWORD CUSTOMERS AGENTS DIR
 */
public final class Setup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench password 123";
    // HTTP/1.1 like the gateway's own calls: the services' request-limit filter answers 500 to a
    // request body sent over an h2c upgrade (a known defect, see the kit's RequestLimits)
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Account(String id, String name, String email, String token) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminEmail = args[1];
        String adminPassword = args[2];
        int customers = Integer.parseInt(args[3]);
        int agents = Integer.parseInt(args[4]);
        Path dir = Path.of(args[5]);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();

        String admin = login(base, adminEmail, adminPassword);
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Account>> agentFutures = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                int n = i;
                agentFutures.add(pool.submit(() -> {
                    String name = "Bench Agent " + n;
                    String email = "bench-agent-" + n + "-" + run + "@bench.logishift.local";
                    JsonNode created = post(base + "/api/support/register-agent/", null,
                            body(name, email), 201);
                    String id = created.get("id").asText();
                    post(base + "/api/admin/approve-agent/" + id + "/", admin, null, 200);
                    return new Account(id, name, email, login(base, email, PASSWORD));
                }));
            }
            List<Future<Account>> customerFutures = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                int n = i;
                customerFutures.add(pool.submit(() -> {
                    String name = "Bench Customer " + n;
                    String email = "bench-customer-" + n + "-" + run + "@bench.logishift.local";
                    post(base + "/api/auth/register/", null, body(name, email), 201);
                    String token = login(base, email, PASSWORD);
                    return new Account(subject(token), name, email, token);
                }));
            }
            write(dir, "agents", collect(agentFutures));
            write(dir, "customers", collect(customerFutures));
            Files.writeString(dir.resolve("admins.txt"), admin + "\n");
        } finally {
            pool.shutdown();
        }
        System.out.printf("setup: %d customers, %d approved agents, admin signed in (%.1f s)%n", customers, agents,
                (System.nanoTime() - t0) / 1e9);
    }

    private static List<Account> collect(List<Future<Account>> futures) throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (Future<Account> f : futures) {
            accounts.add(f.get());
        }
        return accounts;
    }

    private static void write(Path dir, String name, List<Account> accounts) throws IOException {
        StringBuilder tokens = new StringBuilder();
        StringBuilder tsv = new StringBuilder();
        for (Account a : accounts) {
            tokens.append(a.token()).append('\n');
            tsv.append(a.id()).append('\t').append(a.name()).append('\t').append(a.email()).append('\n');
        }
        Files.writeString(dir.resolve(name + ".txt"), tokens);
        Files.writeString(dir.resolve(name + ".tsv"), tsv);
    }

    private static String body(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    static String login(String base, String email, String password) throws Exception {
        JsonNode r = post(base + "/api/auth/login/", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", 200);
        return r.get("access_token").asText();
    }

    static String subject(String jwt) throws IOException {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).get("sub").asText();
    }

    static JsonNode post(String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " -> " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }
}
