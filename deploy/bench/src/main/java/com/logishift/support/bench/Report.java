package com.logishift.support.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Turns the raw outputs of one deploy/bench/run (a run directory) into the results: OUT.json (every
 * number), OUT.md (the tables, the targets, what limits each number) and OUT.png (latency
 * percentiles over the offered rate).
 *
 * <p>Usage: Report RUN_DIR OUT_PREFIX
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper LENIENT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final String[] PROCESSES = {"gateway", "ticket-service", "notification-service", "agent-service",
            "faq-service", "kafka", "mail-server", "postgresql"};

    private final Path run;
    private final Properties env;
    private final ObjectNode root = JSON.createObjectNode();
    private final StringBuilder md = new StringBuilder();

    /** {@code run --conversation}: only the conversation scenarios ran (no creation, events, lists, pgbench). */
    private final boolean conversationOnly;

    private Report(Path run) throws IOException {
        this.run = run;
        this.env = properties(run.resolve("env.properties"));
        this.conversationOnly = "conversation".equals(env.getProperty("mode"));
    }

    public static void main(String[] args) throws Exception {
        Report r = new Report(Path.of(args[0]));
        r.build();
        Path prefix = Path.of(args[1]);
        Files.writeString(Path.of(prefix + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.root));
        Files.writeString(Path.of(prefix + ".md"), r.md.toString());
        if (!r.conversationOnly) {
            r.chart(Path.of(prefix + ".png"));
        }
        System.out.println(r.md);
    }

    // ------------------------------------------------------------------------------------------

    private void build() throws IOException {
        ObjectNode environment = root.putObject("environment");
        env.stringPropertyNames().stream().sorted().forEach(k -> environment.put(k, env.getProperty(k)));

        if (!conversationOnly) {
            creationEventsAndReads();
        } else {
            webhookRuns();
        }
        root.set("conversation", conversation());
        root.set("sla", properties(run.resolve("sla.properties")).isEmpty() ? null : sla());
        root.set("search", properties(run.resolve("search.properties")).isEmpty() ? null : search());
        root.set("reports", properties(run.resolve("reports.properties")).isEmpty() ? null : reports());

        ObjectNode footprint = root.putObject("footprint");
        footprint.set("startToReady", startToReady());
        footprint.set("idle", footprint("idle"));
        footprint.set("afterCreationLoad", footprint("after-create"));
        footprint.set("afterAllLoad", footprint("after-all"));

        if (!conversationOnly) {
            Properties pg = properties(run.resolve("pgbench.properties"));
            ObjectNode pgb = root.putObject("pgbench");
            pg.stringPropertyNames().stream().sorted().forEach(k -> pgb.put(k, num(pg.getProperty(k))));
            pgb.put("transaction", "BEGIN; INSERT ticket (ticket-service schema, all indexes); INSERT outbox_event; COMMIT");
        }

        ArrayNode phases = root.putArray("phases");
        for (String line : Files.readAllLines(run.resolve("phases.tsv"))) {
            String[] f = line.split("\t");
            phases.addObject().put("phase", f[0]).put("seconds", Double.parseDouble(f[1]));
        }
        root.set("targets", targets());
        markdown();
    }

    private void creationEventsAndReads() throws IOException {
        ObjectNode creation = root.putObject("ticketCreation");
        ArrayNode saturation = creation.putArray("saturation");
        for (String c : env.getProperty("satConns").trim().split("\\s+")) {
            saturation.add(wrk("create-gateway-c" + c, "gateway"));
            saturation.add(wrk("create-direct-c" + c, "ticket-service direct"));
        }
        long satOk = 0;
        for (JsonNode x : saturation) {
            satOk += x.path("ok").asLong();
        }
        creation.set("saturationCpuShare", cpuShare("sat-before", "sat-after", satOk));
        ArrayNode rates = creation.putArray("constantRate");
        Map<String, ObjectNode> steps = gatling("create");
        for (String r : env.getProperty("rates").trim().split("\\s+")) {
            rates.add(step(steps, "create-gateway-r" + r, "gateway", Double.parseDouble(r)));
            rates.add(step(steps, "create-direct-r" + r, "ticket-service direct", Double.parseDouble(r)));
        }
        creation.set("warmup", Files.exists(run.resolve("wrk/warmup.json")) ? wrk("warmup", "gateway")
                : gatling("warmup").get("warmup"));
        creation.put("constantRateLoadGeneratorCpuSeconds", gatlingCpu("create"));
        creation.set("gatewayOverhead", overhead(saturation, rates));

        ObjectNode overload = (ObjectNode) readJson(run.resolve("overload.json")); // Overload
        Properties over = properties(run.resolve("overload.properties"));
        overload.put("saturationPerSecond", num(over.getProperty("saturationPerSecond", "0")));
        overload.put("rolledBackTransactions", num(over.getProperty("rolledBackTransactions", "-1")));
        creation.set("overload", overload);
        creation.put("backlogDrainSeconds", num(Files.readString(run.resolve("backlog-drain-seconds.txt")).trim()));

        root.set("eventDelivery", readJson(run.resolve("events.json")));
        webhookRuns();
        root.set("eventDeliveryCpuShare", cpuShare("events-before", "events-after",
                root.get("eventDelivery").path("created").asLong()));

        ArrayNode reads = root.putArray("reads");
        for (String size : env.getProperty("sizes").trim().split("\\s+")) {
            ObjectNode set = reads.addObject();
            set.put("targetTickets", Long.parseLong(size));
            Properties seed = properties(run.resolve("seed-" + size + ".properties"));
            ObjectNode s = set.putObject("seed");
            seed.stringPropertyNames().forEach(k -> s.put(k, seed.getProperty(k)));
            Map<String, ObjectNode> readSteps = gatling("reads-" + size);
            ArrayNode endpoints = set.putArray("endpoints");
            for (String what : List.of("customer-list", "agent-queue", "admin-open")) {
                ObjectNode e = endpoints.addObject();
                e.put("endpoint", what);
                e.set("constantRate", step(readSteps, "read-" + what + "-" + size, "gateway",
                        Double.parseDouble(env.getProperty("readRate"))));
                e.set("saturation", wrk("read-" + what + "-" + size + "-c" + env.getProperty("readSatConns"), "gateway"));
            }
            long readOk = 0;
            for (JsonNode x : endpoints) {
                readOk += x.path("saturation").path("ok").asLong();
            }
            set.set("saturationCpuShare", cpuShare("reads-" + size + "-before", "reads-" + size + "-after", readOk));
            set.put("constantRateLoadGeneratorCpuSeconds", gatlingCpu("reads-" + size));
        }
    }

    /** Post a message and read a long thread, at the largest table (section "Conversation"). */
    private ObjectNode conversation() throws IOException {
        ObjectNode c = JSON.createObjectNode();
        Properties data = properties(run.resolve("conversation.properties"));
        ObjectNode d = c.putObject("data");
        data.stringPropertyNames().stream().sorted().forEach(k -> d.put(k, data.getProperty(k)));
        Map<String, ObjectNode> steps = gatling("conversation");
        double rate = Double.parseDouble(env.getProperty("convRate", "50"));
        ArrayNode s = c.putArray("steps");
        for (String name : List.of("post-message", "read-thread-first", "read-thread-rest")) {
            s.add(step(steps, name, "gateway", rate));
        }
        long ok = 0;
        for (JsonNode x : s) {
            ok += x.path("ok").asLong();
        }
        c.set("cpuShare", cpuShare("conversation-before", "conversation-after", ok));
        c.put("loadGeneratorCpuSeconds", gatlingCpu("conversation"));
        return c;
    }

    /** One pass of the SLA job over the due clocks, at the largest table (section "SLA job"). */
    private ObjectNode sla() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        Properties data = properties(run.resolve("sla.properties"));
        data.stringPropertyNames().stream().sorted().forEach(k -> n.put(k, data.getProperty(k)));
        return n;
    }

    /** Searches through the gateway, selective and a word in half of all tickets (section "Search"). */
    private ObjectNode search() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.set("data", JSON.valueToTree(new java.util.TreeMap<>(properties(run.resolve("search.properties")))));
        Map<String, ObjectNode> steps = gatling("search");
        ArrayNode s = n.putArray("steps");
        steps.forEach((name, step) -> {
            if (!name.startsWith("warmup")) {
                s.add(step(steps, name, "gateway", step.path("offeredRate").asDouble()));
            }
        });
        n.put("loadGeneratorCpuSeconds", gatlingCpu("search"));
        return n;
    }

    /** The admins' reports over the past year, at the largest table (deploy/bench/reports.sh). */
    private ObjectNode reports() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        Properties data = properties(run.resolve("reports.properties"));
        data.stringPropertyNames().stream().sorted().forEach(k -> n.put(k, data.getProperty(k)));
        Map<String, ObjectNode> steps = gatling("reports");
        ArrayNode s = n.putArray("steps");
        for (String name : List.of("report-year-months", "report-year-weeks-by-category", "report-year-days-by-agent",
                "report-csv-year-weeks")) {
            s.add(step(steps, name, "gateway", Double.parseDouble(data.getProperty("rate", "0"))));
        }
        return n;
    }

    // --- raw inputs -----------------------------------------------------------------------------

    private ObjectNode wrk(String label, String target) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        Path json = run.resolve("wrk/" + label + ".json");
        Properties meta = properties(run.resolve("wrk/" + label + ".meta"));
        n.put("label", label);
        n.put("target", target);
        n.put("tool", "wrk (closed model)");
        n.put("connections", (int) num(meta.getProperty("connections")));
        if (!Files.exists(json)) {
            n.put("missing", true);
            return n;
        }
        JsonNode w = readJson(json);
        double secs = w.get("durationUs").asDouble() / 1e6;
        JsonNode e = w.get("errors");
        long errors = e.get("connect").asLong() + e.get("read").asLong() + e.get("write").asLong()
                + e.get("status").asLong() + e.get("timeout").asLong();
        long requests = w.get("requests").asLong();
        long ok = requests - e.get("status").asLong();
        n.put("seconds", round(secs));
        n.put("requests", requests);
        n.put("ok", ok);
        n.put("errors", errors);
        n.set("errorDetail", e);
        n.put("throughput", round(ok / secs));
        JsonNode l = w.get("latencyUs");
        n.put("p50", ms(l.get("p50").asDouble()));
        n.put("p90", ms(l.get("p90").asDouble()));
        n.put("p99", ms(l.get("p99").asDouble()));
        n.put("max", ms(l.get("max").asDouble()));
        n.put("loadGeneratorCpuSeconds", num(meta.getProperty("cpuSeconds")));
        n.put("loadGeneratorCpuShare", round(num(meta.getProperty("cpuSeconds")) / secs / cores() * 100));
        return n;
    }

    /** Per-request-name statistics of one Gatling run (js/stats.json of its report). */
    private Map<String, ObjectNode> gatling(String group) throws IOException {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        Path dir = run.resolve("gatling/" + group);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Path stats;
        try (Stream<Path> s = Files.walk(dir)) {
            stats = s.filter(p -> p.endsWith(Path.of("js", "stats.js"))).findFirst().orElse(null);
        }
        if (stats == null) {
            return out;
        }
        // Gatling 3.13's report keeps its numbers in js/stats.js: "var stats = {...}" (a JavaScript
        // object literal with some unquoted keys), followed by functions.
        String js = Files.readString(stats);
        int from = js.indexOf('{');
        int to = js.indexOf("\nfunction ");
        JsonNode statsRoot = LENIENT.readTree(js.substring(from, to < 0 ? js.length() : to).trim());
        Map<String, String[]> plan = new LinkedHashMap<>();
        for (String line : Files.readAllLines(run.resolve("gatling/" + group + ".plan"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && !f[0].startsWith("#")) {
                plan.put(f[0], f);
            }
        }
        JsonNode contents = statsRoot.path("contents");
        contents.fields().forEachRemaining(entry -> {
            JsonNode st = entry.getValue().path("stats");
            String name = st.path("name").asText();
            ObjectNode n = JSON.createObjectNode();
            n.put("name", name);
            n.put("tool", "Gatling (open model, constant rate)");
            String[] f = plan.get(name);
            int seconds = f == null ? 0 : Integer.parseInt(f[5]);
            n.put("url", f == null ? "" : f[2]);
            n.put("offeredRate", f == null ? 0 : Double.parseDouble(f[4]));
            n.put("seconds", seconds);
            long total = st.path("numberOfRequests").path("total").asLong();
            long ok = st.path("numberOfRequests").path("ok").asLong();
            long ko = st.path("numberOfRequests").path("ko").asLong();
            n.put("requests", total);
            n.put("ok", ok);
            n.put("errors", ko);
            n.put("throughput", seconds == 0 ? 0 : round((double) ok / seconds));
            // "total" = every request, errors and timeouts (charged at the 5 s timeout) included
            n.put("p50", st.path("percentiles1").path("total").asDouble());
            n.put("p90", st.path("percentiles2").path("total").asDouble());
            n.put("p99", st.path("percentiles3").path("total").asDouble());
            n.put("p999", st.path("percentiles4").path("total").asDouble());
            n.put("max", st.path("maxResponseTime").path("total").asDouble());
            n.put("okP99", st.path("percentiles3").path("ok").asDouble());
            out.put(name, n);
        });
        return out;
    }

    private double gatlingCpu(String group) throws IOException {
        Path p = run.resolve("gatling/" + group + ".cpu.json");
        return Files.exists(p) ? readJson(p).path("cpuSeconds").asDouble() : -1;
    }

    private ObjectNode step(Map<String, ObjectNode> steps, String name, String target, double rate) {
        ObjectNode n = steps.get(name);
        if (n == null) {
            n = JSON.createObjectNode().put("name", name).put("missing", true).put("offeredRate", rate);
        }
        n.put("target", target);
        return n;
    }

    /** The CPU each process used between two footprint snapshots, as a share of the machine. */
    private ObjectNode cpuShare(String before, String after) throws IOException {
        return cpuShare(before, after, 0);
    }

    /**
     * As above, plus each process's CPU milliseconds per successful request of the window (robust
     * against other load on the machine, unlike throughput): the sum bounds what the cores can do.
     */
    private ObjectNode cpuShare(String before, String after, long requests) throws IOException {
        Map<String, double[]> a = snapshot(before);
        Map<String, double[]> b = snapshot(after);
        ObjectNode n = JSON.createObjectNode();
        if (a.isEmpty() || b.isEmpty()) {
            return n;
        }
        double wall = b.get("#time")[0] - a.get("#time")[0];
        n.put("wallSeconds", round(wall));
        ObjectNode share = n.putObject("percentOfMachine");
        double sum = 0;
        for (String p : PROCESSES) {
            if (a.containsKey(p) && b.containsKey(p)) {
                double pct = (b.get(p)[2] - a.get(p)[2]) / wall / cores() * 100;
                share.put(p, round(pct));
                sum += pct;
            }
        }
        n.put("systemUnderTestPercent", round(sum));
        if (requests > 0) {
            n.put("requests", requests);
            ObjectNode per = n.putObject("cpuMsPerRequest");
            double total = 0;
            for (String p : PROCESSES) {
                if (a.containsKey(p) && b.containsKey(p)) {
                    double ms = (b.get(p)[2] - a.get(p)[2]) * 1000 / requests;
                    per.put(p, round(ms));
                    total += ms;
                }
            }
            n.put("cpuMsPerRequestTotal", round(total));
            n.put("ceilingPerSecondOnAllCores", total <= 0 ? 0 : round(cores() * 1000 / total));
        }
        if (a.containsKey("#cpu") && b.containsKey("#cpu")) {
            double busy = b.get("#cpu")[0] - a.get("#cpu")[0];
            double total = b.get("#cpu")[1] - a.get("#cpu")[1];
            n.put("machineBusyPercent", total <= 0 ? 0 : round(100 * busy / total));
        }
        return n;
    }

    /** name -> {rssKB, pssKB, cpuSeconds}; "#time" -> {epoch seconds}. */
    private Map<String, double[]> snapshot(String label) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        Path p = run.resolve("footprint-" + label + ".tsv");
        if (!Files.exists(p)) {
            return m;
        }
        for (String line : Files.readAllLines(p)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("#time")) {
                m.put("#time", new double[] {num(f[1])});
            } else if (f[0].equals("#cpu")) {
                m.put("#cpu", new double[] {num(f[1]), num(f[2])});
            } else if (f.length >= 5) {
                m.put(f[0], new double[] {num(f[2]), num(f[3]), num(f[4])});
            }
        }
        return m;
    }

    private ArrayNode footprint(String label) throws IOException {
        ArrayNode a = JSON.createArrayNode();
        snapshot(label).forEach((name, v) -> {
            if (!name.startsWith("#")) {
                a.addObject().put("process", name).put("rssMiB", round(v[0] / 1024)).put("pssMiB", round(v[1] / 1024));
            }
        });
        return a;
    }

    private ArrayNode startToReady() throws IOException {
        ArrayNode a = JSON.createArrayNode();
        Map<String, Double> ready = new LinkedHashMap<>();
        if (Files.exists(run.resolve("ready.tsv"))) {
            for (String line : Files.readAllLines(run.resolve("ready.tsv"))) {
                String[] f = line.split("\t");
                ready.put(f[0], num(f[1]));
            }
        }
        if (Files.exists(run.resolve("started.tsv"))) {
            for (String line : Files.readAllLines(run.resolve("started.tsv"))) {
                String[] f = line.split("\t", -1);
                ObjectNode n = a.addObject().put("service", f[0]);
                Double r = ready.get(f[0]);
                if (r != null) {
                    n.put("processStartToReadySeconds", round(r - num(f[1])));
                }
                if (f.length > 2 && !f[2].isEmpty()) {
                    n.put("quarkusStartedInSeconds", num(f[2]));
                }
            }
        }
        return a;
    }

    private ObjectNode overhead(ArrayNode saturation, ArrayNode rates) {
        ObjectNode n = JSON.createObjectNode();
        double bestGw = 0;
        double bestDirect = 0;
        for (JsonNode s : saturation) {
            if (s.path("target").asText().equals("gateway")) {
                bestGw = Math.max(bestGw, s.path("throughput").asDouble());
            } else {
                bestDirect = Math.max(bestDirect, s.path("throughput").asDouble());
            }
        }
        n.put("bestThroughputGateway", bestGw);
        n.put("bestThroughputDirect", bestDirect);
        n.put("gatewayToDirectThroughputRatio", bestDirect == 0 ? 0 : round(bestGw / bestDirect));
        n.put("throughputOverheadPercent", bestGw == 0 ? 0 : round((bestDirect / bestGw - 1) * 100));
        ArrayNode lat = n.putArray("latencyAtConstantRate");
        for (int i = 0; i + 1 < rates.size(); i += 2) {
            JsonNode gw = rates.get(i);
            JsonNode d = rates.get(i + 1);
            double dp50 = d.path("p50").asDouble();
            lat.addObject().put("offeredRate", gw.path("offeredRate").asDouble())
                    .put("gatewayP50", gw.path("p50").asDouble()).put("directP50", dp50)
                    .put("p50Ratio", dp50 == 0 ? 0 : round(gw.path("p50").asDouble() / dp50))
                    .put("gatewayErrors", gw.path("errors").asLong()).put("directErrors", d.path("errors").asLong());
        }
        return n;
    }

    // --- targets -------------------------------------------------------------------------------

    private ArrayNode targets() {
        ArrayNode t = JSON.createArrayNode();
        if (!conversationOnly) {
            creationTargets(t);
        }
        JsonNode conv = root.get("conversation");
        String tickets = conv.path("data").path("tickets").asText();
        for (JsonNode st : conv.get("steps")) {
            String what = switch (st.path("name").asText()) {
                case "post-message" -> "post a message (agent's public reply)";
                case "read-thread-first" -> "read a 200-message thread, first 100";
                default -> "read a 200-message thread, next 100";
            };
            target(t, what + ", p99 at " + tickets + " tickets (" + fmt(st.path("offeredRate").asDouble()) + "/s)",
                    "<= 30 ms", st.path("requests").asLong() > 0 && st.path("p99").asDouble() <= 30
                            && st.path("errors").asLong() == 0,
                    fmt(st.path("p99").asDouble()) + " ms, " + st.path("errors").asLong() + " errors of "
                            + st.path("requests").asLong());
        }
        JsonNode sla = root.get("sla");
        if (sla != null && !sla.isNull()) {
            double seconds = sla.path("passSecondsMax").asDouble(Double.NaN);
            target(t, "SLA job: one pass over " + sla.path("due").asText() + " due of " + sla.path("checked").asText()
                            + " running clocks at " + sla.path("tickets").asText() + " tickets", "< 1 s",
                    seconds < 1 && sla.path("leftDue").asLong() == 0,
                    fmt(seconds * 1000) + " ms, " + sla.path("alerts").asText() + " alerts");
        }
        JsonNode search = root.get("search");
        for (JsonNode st : search == null || search.isNull() ? JSON.createArrayNode() : search.get("steps")) {
            // the goal is for selective queries; a word in half of all tickets is reported against it too
            String name = st.path("name").asText();
            boolean selective = !name.startsWith("search-half");
            target(t, name + ", p99 at " + search.path("data").path("tickets").asText() + " tickets and "
                            + search.path("data").path("messages").asText() + " messages",
                    selective ? "<= 50 ms" : "reported (worst case)",
                    st.path("requests").asLong() > 0 && st.path("errors").asLong() == 0
                            && (!selective || st.path("p99").asDouble() <= 50),
                    fmt(st.path("p99").asDouble()) + " ms, " + st.path("errors").asLong() + " errors of "
                            + st.path("requests").asLong());
        }
        for (String run : List.of("webhooksAtCapacity", "webhooks")) {
            JsonNode hooks = root.get(run);
            if (hooks != null && hooks.has("createToDelivery")) {
                double p99 = hooks.path("createToDelivery").path("p99").asDouble(Double.NaN);
                boolean goal = run.equals("webhooks");
                target(t, "webhooks: create → delivery at " + (hooks.path("endpoints").asInt() - 1)
                                + " live endpoints, 1 dead (" + fmt(hooks.path("offeredRate").asDouble()) + "/s"
                                + (goal ? ")" : ", this machine's capacity)"), goal ? "p99 < 1 s" : "reported",
                        p99 < 1000 && hooks.path("delivered").asLong() == hooks.path("expectedDeliveries").asLong()
                                && hooks.path("createErrors").asLong() == 0,
                        fmt(p99) + " ms, delivered " + hooks.path("delivered").asLong() + " of "
                                + hooks.path("expectedDeliveries").asLong() + ", " + hooks.path("createErrors").asLong()
                                + " creations failed");
            }
        }
        JsonNode reports = root.get("reports");
        for (JsonNode st : reports == null || reports.isNull() ? JSON.createArrayNode() : reports.get("steps")) {
            target(t, st.path("name").asText() + ", p99 at " + reports.path("tickets").asText() + " tickets", "<= 200 ms",
                    st.path("requests").asLong() > 0 && st.path("p99").asDouble() <= 200 && st.path("errors").asLong() == 0,
                    fmt(st.path("p99").asDouble()) + " ms, " + st.path("errors").asLong() + " errors of "
                            + st.path("requests").asLong());
        }
        footprintTargets(t);
        return t;
    }

    private void creationTargets(ArrayNode t) {
        JsonNode creation = root.get("ticketCreation");
        JsonNode ov = creation.get("gatewayOverhead");
        double bestGw = ov.path("bestThroughputGateway").asDouble();
        // issue 16's goals; the first tranche's (>= 1000/s, p99 at 300/s, gateway overhead) follow them
        double pgTps = root.path("pgbench").path("tps").asDouble();
        double drain = creation.path("backlogDrainSeconds").asDouble();
        target(t, "ticket creation through the gateway at saturation, against pgbench's rate for the same two rows",
                ">= 50 % of pgbench, notifications keeping pace (backlog drained <= 5 s after the creation steps)",
                pgTps > 0 && bestGw >= pgTps / 2 && drain <= 5,
                fmt(bestGw) + "/s = " + fmt(pgTps > 0 ? 100 * bestGw / pgTps : 0) + " % of " + fmt(pgTps)
                        + " tps; backlog drained in " + fmt(drain) + " s");
        JsonNode over = creation.path("overload");
        JsonNode load = over.path("overload");
        JsonNode rec = over.path("recovery");
        long unanswered = load.path("noAnswer").asLong() + rec.path("noAnswer").asLong();
        long slow = load.path("answeredSlowerThan2s").asLong() + rec.path("answeredSlowerThan2s").asLong();
        long badShed = load.path("shedWithoutRetryAfter").asLong() + load.path("otherStatus").asLong()
                + rec.path("shedWithoutRetryAfter").asLong() + rec.path("otherStatus").asLong();
        long rolledBack = over.path("rolledBackTransactions").asLong();
        int recovered = rec.path("secondsToFullRate").asInt(-1);
        target(t, "above capacity: " + fmt(load.path("offeredRate").asDouble()) + "/s (2 × saturation) for "
                        + load.path("seconds").asText() + " s, then " + fmt(rec.path("offeredRate").asDouble()) + "/s",
                "every answer within 2 s (201, or 503 with Retry-After); 0 transactions rolled back; full rate within 5 s",
                load.path("requests").asLong() > 0 && unanswered == 0 && slow == 0 && badShed == 0 && rolledBack == 0
                        && recovered >= 0 && recovered <= 5,
                load.path("created").asLong() + " served, " + load.path("shedWithRetryAfter").asLong()
                        + " shed with Retry-After, " + badShed + " other answers, " + unanswered + " unanswered, " + slow
                        + " slower than 2 s (max " + fmt(load.path("latency").path("max").asDouble()) + " ms); "
                        + rolledBack + " rolled back; full rate after " + (recovered < 0 ? "never" : recovered + " s"));
        target(t, "ticket creation through the gateway at saturation (first tranche)", ">= 1000/s", bestGw >= 1000,
                fmt(bestGw) + "/s (best of c=" + env.getProperty("satConns").trim().replace(' ', ',') + ")");
        // (a step that did not run shows as 0 requests and is never "met")
        JsonNode at300 = null;
        for (JsonNode r : creation.get("constantRate")) {
            if (r.path("target").asText().equals("gateway") && r.path("offeredRate").asDouble() == 300) {
                at300 = r;
            }
        }
        if (at300 != null) {
            target(t, "ticket creation through the gateway, p99 at 300/s", "<= 50 ms",
                    at300.path("requests").asLong() > 0 && at300.path("p99").asDouble() <= 50
                            && at300.path("errors").asLong() == 0,
                    fmt(at300.path("p99").asDouble()) + " ms, " + at300.path("errors").asLong() + " errors of "
                            + at300.path("requests").asLong());
        }
        double overhead = ov.path("throughputOverheadPercent").asDouble();
        target(t, "gateway overhead (throughput at saturation, direct vs gateway)", "<= 20 %",
                bestGw > 0 && overhead <= 20, fmt(overhead) + " %");
        JsonNode reads = root.get("reads");
        JsonNode largest = reads.get(reads.size() - 1);
        for (JsonNode e : largest.get("endpoints")) {
            if (e.path("endpoint").asText().equals("admin-open")) {
                JsonNode c = e.get("constantRate");
                target(t, "admin list filtered by status, p99 at " + largest.path("seed").path("tickets").asText()
                        + " tickets (" + fmt(c.path("offeredRate").asDouble()) + "/s)", "<= 30 ms",
                        c.path("requests").asLong() > 0 && c.path("p99").asDouble() <= 30
                                && c.path("errors").asLong() == 0,
                        fmt(c.path("p99").asDouble()) + " ms, " + c.path("errors").asLong() + " errors");
            }
        }
        JsonNode ev = root.get("eventDelivery");
        target(t, "create -> notification on the live stream, p99 at " + fmt(ev.path("offeredRate").asDouble()) + "/s",
                "<= 250 ms", ev.path("notified").asLong() > 0
                        && ev.path("createToNotification").path("p99").asDouble() <= 250
                        && ev.path("missingNotifications").asLong() == 0 && ev.path("createErrors").asLong() == 0,
                fmt(ev.path("createToNotification").path("p99").asDouble()) + " ms, "
                        + ev.path("missingNotifications").asLong() + " missing, " + ev.path("createErrors").asLong()
                        + " create errors");
    }

    private void footprintTargets(ArrayNode t) {
        double maxRss = 0;
        String maxRssName = "";
        for (JsonNode f : root.get("footprint").get("afterAllLoad")) {
            String p = f.path("process").asText();
            boolean service = !p.equals("kafka") && !p.equals("mail-server") && !p.equals("postgresql");
            if (service && f.path("rssMiB").asDouble() > maxRss) {
                maxRss = f.path("rssMiB").asDouble();
                maxRssName = p;
            }
        }
        target(t, "every service's RSS after the load", "<= 256 MB", maxRss > 0 && maxRss <= 256,
                "largest: " + maxRssName + " " + fmt(maxRss) + " MiB");
        double maxReady = 0;
        String maxReadyName = "";
        for (JsonNode f : root.get("footprint").get("startToReady")) {
            if (f.path("processStartToReadySeconds").asDouble() > maxReady) {
                maxReady = f.path("processStartToReadySeconds").asDouble();
                maxReadyName = f.path("service").asText();
            }
        }
        target(t, "whole stack start -> every service ready (all five started at once, cold)", "<= 15 s",
                maxReady > 0 && maxReady <= 15, "slowest: " + maxReadyName + " " + fmt(maxReady) + " s");
    }

    private static void target(ArrayNode t, String what, String goal, boolean met, String measured) {
        t.addObject().put("target", what).put("goal", goal).put("measured", measured).put("met", met);
    }

    // --- Markdown --------------------------------------------------------------------------------

    private void markdown() {
        line("# logiShift Support benchmark (" + env.getProperty("mode") + " run)");
        line("");
        line("Written by `deploy/bench/run" + (env.getProperty("mode").equals("full") ? "" : " --" + env.getProperty("mode"))
                + "` (see `deploy/bench/README.md`). Every process on one machine: five services, Kafka, "
                + "PostgreSQL and the load generator share the cores.");
        line("");
        line("| | |");
        line("|---|---|");
        row("measured commit", "`" + env.getProperty("commit") + "` (" + env.getProperty("commitSubject") + ")"
                + (env.getProperty("dirtyServiceFiles", "0").equals("0") ? "" : "; " + env.getProperty("dirtyServiceFiles")
                        + " uncommitted changes in service dirs"));
        row("date (UTC)", env.getProperty("date"));
        List<String> jars = new ArrayList<>();
        env.stringPropertyNames().stream().filter(k -> k.startsWith("jar.")).sorted()
                .forEach(k -> jars.add(k.substring(4) + " " + env.getProperty(k)));
        if (!jars.isEmpty()) {
            row("service jars measured", String.join("; ", jars));
        }
        row("machine", env.getProperty("cores") + " cores (" + env.getProperty("cpuModel") + "), "
                + env.getProperty("memTotalMiB") + " MiB, Linux " + env.getProperty("kernel"));
        row("Java", env.getProperty("java") + " — " + env.getProperty("javaRuntime"));
        row("tools", env.getProperty("wrk") + "; Gatling " + env.getProperty("gatling") + "; "
                + env.getProperty("pgbench") + "; " + env.getProperty("postgres"));
        row("stack", "`deploy/local/stack up` with its own state dir and ports " + env.getProperty("ports")
                + "; services `java " + env.getProperty("serviceJvmFlags", "-Xms64m -Xmx256m").trim()
                + " -jar`; PostgreSQL with fsync on (the stack's defaults)");
        row("changed for the bench stack", "`" + env.getProperty("overrides").replace(" ", "`, `") + "` — bcrypt cost "
                + "and token lifetime only affect sign-up/sign-in (not measured), the per-account limit lets the "
                + "single admin read faster than 50/s; the limiter still runs on every request");
        row("accounts", env.getProperty("customers") + " customers and " + env.getProperty("agents")
                + " approved agents, created straight against agent-service (the gateway allows 20 sign-ins/min per IP); "
                + "every ticket-creation request uses the next customer's own token");
        row("warm-up", env.getProperty("warmup"));
        row("machine load at start", "load average " + env.getProperty("loadAverageAtStart", "?")
                + (env.getProperty("profile", "0").equals("1")
                        ? "; JFR profiling (`--profile`) was on during the gateway saturation run with 16 connections" : ""));
        row("run time", env.getProperty("total") + " s in total (phases at the end)");
        line("");

        line("## Targets");
        line("");
        line("Goals to report against on this 2-core machine with everything co-located (not timed tests).");
        line("");
        line("| target | goal | measured | met |");
        line("|---|---|---|---|");
        for (JsonNode t : root.get("targets")) {
            line("| " + t.path("target").asText() + " | " + t.path("goal").asText() + " | "
                    + t.path("measured").asText() + " | " + (t.path("met").asBoolean() ? "yes" : "**no**") + " |");
        }
        line("");

        if (!conversationOnly) {
            creationEventsAndReadsMarkdown();
        } else {
            webhooksMarkdown();
        }
        conversationMarkdown();
        slaMarkdown();
        searchMarkdown();


        line("## 5. Footprint");
        line("");
        line("RSS in MiB (PostgreSQL: the postmaster and all its backends; PSS counts shared memory once). "
                + "Start → ready: from the process's start (`/proc`) to the first 200 from `/q/health/ready`, with all "
                + "five services (and Kafka's start just before) competing for the cores.");
        line("");
        line("| process | start → ready s | Quarkus \"started in\" s | RSS idle | RSS after creation load | RSS after all load | PSS after all load |");
        line("|---|---|---|---|---|---|---|");
        JsonNode fp = root.get("footprint");
        for (String p : PROCESSES) {
            JsonNode ready = find(fp.get("startToReady"), "service", p);
            JsonNode idle = find(fp.get("idle"), "process", p);
            JsonNode afterCreate = find(fp.get("afterCreationLoad"), "process", p);
            JsonNode after = find(fp.get("afterAllLoad"), "process", p);
            line("| " + p + " | " + (ready == null ? "" : fmt(ready.path("processStartToReadySeconds").asDouble())) + " | "
                    + (ready == null ? "" : fmt(ready.path("quarkusStartedInSeconds").asDouble())) + " | "
                    + (idle == null ? "" : fmt(idle.path("rssMiB").asDouble())) + " | "
                    + (afterCreate == null ? "" : fmt(afterCreate.path("rssMiB").asDouble())) + " | "
                    + (after == null ? "" : fmt(after.path("rssMiB").asDouble())) + " | "
                    + (after == null ? "" : fmt(after.path("pssMiB").asDouble())) + " |");
        }
        line("");

        if (!conversationOnly) {
            pgbenchMarkdown();
        }

        line("## Run phases");
        line("");
        line("| phase | seconds |");
        line("|---|---|");
        for (JsonNode p : root.get("phases")) {
            line("| " + p.path("phase").asText() + " | " + fmt(p.path("seconds").asDouble()) + " |");
        }
        line("");
        line("Configuration: rates " + env.getProperty("rates") + " for " + env.getProperty("rateSecs")
                + " s each; saturation with " + env.getProperty("satConns") + " connections for "
                + env.getProperty("satSecs") + " s; reads at " + env.getProperty("readRate") + "/s for "
                + env.getProperty("readSecs") + " s and with " + env.getProperty("readSatConns") + " connections for "
                + env.getProperty("readSatSecs") + " s. Raw outputs (Gatling HTML reports, wrk output, logs) stay in "
                + "`deploy/bench/target/run-*` (not committed).");
    }

    private void creationEventsAndReadsMarkdown() {
        JsonNode creation = root.get("ticketCreation");
        line("## 1–2. Ticket creation: gateway vs ticket-service direct");
        line("");
        line("`POST /api/support/tickets/create/`, a fresh body each time, the token of the next of "
                + env.getProperty("customers") + " customers. Latencies in ms.");
        line("");
        line("**At saturation** (wrk, closed model: each connection sends again when answered; the latencies are "
                + "what a closed loop sees, not a service level at a given rate):");
        line("");
        line("| target | connections | seconds | requests | errors | throughput/s | p50 | p90 | p99 | max | wrk CPU |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (JsonNode s : creation.get("saturation")) {
            wrkRow(s);
        }
        line("");
        cpuLine(creation.get("saturationCpuShare"), "during the saturation runs");
        line("");
        line("**At constant rates** (Gatling, open model: requests are sent on schedule whether or not earlier ones "
                + "were answered; latency from the send; no answer in 5 s = error, charged at 5 s; gateway and direct "
                + "steps alternate):");
        line("");
        line("| target | offered/s | seconds | requests | errors | ok/s | p50 | p90 | p99 | p99.9 | max |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (JsonNode r : creation.get("constantRate")) {
            line("| " + r.path("target").asText() + " | " + fmt(r.path("offeredRate").asDouble()) + " | "
                    + r.path("seconds").asInt() + " | " + r.path("requests").asLong() + " | " + r.path("errors").asLong()
                    + " | " + fmt(r.path("throughput").asDouble()) + " | " + fmt(r.path("p50").asDouble()) + " | "
                    + fmt(r.path("p90").asDouble()) + " | " + fmt(r.path("p99").asDouble()) + " | "
                    + fmt(r.path("p999").asDouble()) + " | " + fmt(r.path("max").asDouble()) + " |");
        }
        line("");
        line("Gatling's own CPU over all constant-rate steps: " + fmt(creation.path("constantRateLoadGeneratorCpuSeconds").asDouble())
                + " s.");
        line("");
        JsonNode ov = creation.get("gatewayOverhead");
        line("**Gateway overhead**: best saturation throughput " + fmt(ov.path("bestThroughputGateway").asDouble())
                + "/s through the gateway vs " + fmt(ov.path("bestThroughputDirect").asDouble())
                + "/s direct → gateway/direct = " + fmt(ov.path("gatewayToDirectThroughputRatio").asDouble())
                + " (direct is " + fmt(ov.path("throughputOverheadPercent").asDouble())
                + " % faster). Median latency gateway/direct at each constant rate: "
                + String.join(", ", iter(ov.get("latencyAtConstantRate"), x -> fmt(x.path("offeredRate").asDouble())
                        + "/s: " + fmt(x.path("p50Ratio").asDouble()))) + ".");
        line("");
        overloadMarkdown(creation.get("overload"));

        line("## 3. Reading as the data grows");
        line("");
        line("Tickets seeded with SQL (`deploy/bench/sql/seed-tickets.sql`: `generate_series` into ticket-service's "
                + "own table, references from its sequence, every ticket owned by one of the bench customers, "
                + "assignees among the approved bench agents, 10 % OPEN of which half unassigned, then `VACUUM ANALYZE`). "
                + "All reads through the gateway, page size 20: a customer's own list (tokens round-robin), an agent's "
                + "queue (`scope=queue`, oldest first), the admin list `status=OPEN` (newest first). Each list also "
                + "returns the `total` count.");
        line("");
        line("| tickets | seed s | endpoint | model | offered/s | requests | errors | throughput/s | p50 | p90 | p99 | max |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (JsonNode set : root.get("reads")) {
            String tickets = set.path("seed").path("tickets").asText();
            String seedSecs = set.path("seed").path("seconds").asText();
            for (JsonNode e : set.get("endpoints")) {
                JsonNode c = e.get("constantRate");
                JsonNode s = e.get("saturation");
                line("| " + tickets + " | " + seedSecs + " | " + e.path("endpoint").asText() + " | Gatling constant | "
                        + fmt(c.path("offeredRate").asDouble()) + " | " + c.path("requests").asLong() + " | "
                        + c.path("errors").asLong() + " | " + fmt(c.path("throughput").asDouble()) + " | "
                        + fmt(c.path("p50").asDouble()) + " | " + fmt(c.path("p90").asDouble()) + " | "
                        + fmt(c.path("p99").asDouble()) + " | " + fmt(c.path("max").asDouble()) + " |");
                line("| " + tickets + " | | " + e.path("endpoint").asText() + " | wrk c=" + s.path("connections").asInt()
                        + " | saturation | " + s.path("requests").asLong() + " | " + s.path("errors").asLong() + " | "
                        + fmt(s.path("throughput").asDouble()) + " | " + fmt(s.path("p50").asDouble()) + " | "
                        + fmt(s.path("p90").asDouble()) + " | " + fmt(s.path("p99").asDouble()) + " | "
                        + fmt(s.path("max").asDouble()) + " |");
            }
        }
        line("");
        for (JsonNode set : root.get("reads")) {
            JsonNode seed = set.get("seed");
            line("- " + seed.path("tickets").asText() + " tickets: " + seed.path("open").asText() + " OPEN ("
                    + seed.path("openUnassigned").asText() + " in the queue), ~" + seed.path("perCustomer").asText()
                    + " per customer, table + indexes " + seed.path("tableMiB").asText() + " MiB.");
            cpuLine(set.get("saturationCpuShare"), "during the wrk read runs at " + seed.path("tickets").asText() + " tickets");
        }
        line("");

        JsonNode ev = root.get("eventDelivery");
        line("## 4. Event delivery: create → notification on an open live stream");
        line("");
        line("A Java client (`EventLatency`) opens the admin's live stream through the gateway (one-time stream "
                + "ticket, as a browser's EventSource does), then creates tickets as the customers at "
                + fmt(ev.path("offeredRate").asDouble()) + "/s for " + ev.path("seconds").asInt()
                + " s. The n-th request is due at start + n/rate and both latencies are measured from that due time "
                + "(client clock), so a stalled send is charged in full. Path: gateway → ticket-service (outbox) → "
                + "relay → Kafka → notification-service (stores one row per recipient, pg_notify) → SSE → gateway → client.");
        line("");
        line("| | count | p50 | p90 | p99 | max |");
        line("|---|---|---|---|---|---|");
        JsonNode n = ev.path("createToNotification");
        JsonNode c = ev.path("createResponse");
        line("| create → notification | " + n.path("count").asLong() + " | " + fmt(n.path("p50").asDouble()) + " | "
                + fmt(n.path("p90").asDouble()) + " | " + fmt(n.path("p99").asDouble()) + " | "
                + fmt(n.path("max").asDouble()) + " |");
        line("| create response | " + c.path("count").asLong() + " | " + fmt(c.path("p50").asDouble()) + " | "
                + fmt(c.path("p90").asDouble()) + " | " + fmt(c.path("p99").asDouble()) + " | "
                + fmt(c.path("max").asDouble()) + " |");
        line("");
        line("Sent " + ev.path("sent").asLong() + " (achieved send rate " + fmt(ev.path("achievedSendRate").asDouble())
                + "/s), created " + ev.path("created").asLong() + ", create errors " + ev.path("createErrors").asLong()
                + ", notifications missing after a " + ev.path("drainSeconds").asInt() + " s drain: "
                + ev.path("missingNotifications").asLong() + ". Client CPU " + fmt(ev.path("clientCpuSeconds").asDouble())
                + " s.");
        cpuLine(root.get("eventDeliveryCpuShare"), "during the event-delivery run");
        line("");
        webhooksMarkdown();
    }

    /** Section 4b: ticket.created to partners' webhooks, one endpoint dead (WebhookLatency), after its warm-up. */
    private void webhooksMarkdown() {
        JsonNode goal = root.get("webhooks");
        if (goal == null || !goal.has("createToDelivery")) {
            return;
        }
        line("## 4b. Webhooks: create → delivery to " + (goal.path("endpoints").asInt() - 1) + " live endpoints, 1 dead");
        line("");
        line("After a warm-up (not reported: a freshly started notification-service compiles the webhook path for "
                + "minutes), at the rate two cores carry beside everything else, then at the goal's rate (goal: p99 < 1 s). "
                + "Latency in ms from when each creation was due.");
        line("");
        line("| tickets/s | seconds | created | creations failed | delivered | of | p50 | p99 | max |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (JsonNode w : List.of(root.path("webhooksAtCapacity"), goal)) {
            if (!w.has("createToDelivery")) {
                continue;
            }
            JsonNode d = w.path("createToDelivery");
            line("| " + fmt(w.path("offeredRate").asDouble()) + " | " + w.path("seconds").asInt() + " | "
                    + w.path("ticketsCreated").asLong() + " | " + w.path("createErrors").asLong() + " | "
                    + w.path("delivered").asLong() + " | " + w.path("expectedDeliveries").asLong() + " | "
                    + fmt(d.path("p50").asDouble()) + " | " + fmt(d.path("p99").asDouble()) + " | "
                    + fmt(d.path("max").asDouble()) + " |");
        }
        line("");
    }

    private void overloadMarkdown(JsonNode over) {
        line("### Above capacity (`Overload`)");
        line("");
        line("Ticket creations through the gateway at twice the best saturation throughput ("
                + fmt(over.path("saturationPerSecond").asDouble()) + "/s), open model, then at half of it right after "
                + "the last overload send. Latency from when each request was due, in ms; client timeout 10 s. "
                + "Transactions rolled back in ticket-service's database over the step (work done, then thrown away): "
                + over.path("rolledBackTransactions").asLong() + ".");
        line("");
        line("| phase | offered/s | seconds | requests | 201 | 503 + Retry-After | 503 without | other | no answer | slower than 2 s | p50 | p99 | max |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String phase : List.of("overload", "recovery")) {
            JsonNode p = over.path(phase);
            JsonNode l = p.path("latency");
            line("| " + phase + " | " + fmt(p.path("offeredRate").asDouble()) + " | " + p.path("seconds").asInt() + " | "
                    + p.path("requests").asLong() + " | " + p.path("created").asLong() + " | "
                    + p.path("shedWithRetryAfter").asLong() + " | " + p.path("shedWithoutRetryAfter").asLong() + " | "
                    + p.path("otherStatus").asLong() + " | " + p.path("noAnswer").asLong() + " | "
                    + p.path("answeredSlowerThan2s").asLong() + " | " + fmt(l.path("p50").asDouble()) + " | "
                    + fmt(l.path("p99").asDouble()) + " | " + fmt(l.path("max").asDouble()) + " |");
        }
        int recovered = over.path("recovery").path("secondsToFullRate").asInt(-1);
        line("");
        line("Full rate again (every later request served within 2 s) " + (recovered < 0
                ? "not within the recovery phase." : recovered + " s after the overload ended."));
        line("");
    }

    private void conversationMarkdown() {
        JsonNode conv = root.get("conversation");
        JsonNode data = conv.get("data");
        line("## Conversation: post a message, read a long thread");
        line("");
        line("At " + data.path("tickets").asText() + " tickets and " + data.path("messages").asText()
                + " messages (message table + indexes " + data.path("messageTableMiB").asText() + " MiB): every answered "
                + "seeded ticket has two messages (`deploy/bench/sql/seed-tickets.sql`), and "
                + data.path("threads").asText() + " IN_PROGRESS tickets grow to " + env.getProperty("convMessages")
                + " messages each, every tenth an internal note (`deploy/bench/sql/seed-threads.sql`). Through the "
                + "gateway with the agents' tokens (round-robin): `POST /api/support/tickets/{id}/messages/` (a public "
                + "reply, spread over " + data.path("replyTickets").asText() + " tickets) and the thread's two pages "
                + "of 100 (`GET …/messages/?size=100` and `?after=100&size=100`; 100 is the page-size limit). "
                + "Gatling open model, each step " + env.getProperty("convSecs") + " s after a warm-up of both paths ("
                + env.getProperty("convWarmupSecs", "5") + " s each at the same rate).");
        line("");
        stepTable(conv.get("steps"));
        cpuLine(conv.get("cpuShare"), "during the conversation steps");
        line("Gatling's own CPU: " + fmt(conv.path("loadGeneratorCpuSeconds").asDouble()) + " s.");
        line("");
    }

    /** The constant-rate steps of a section as a table (latencies in ms). */
    private void stepTable(JsonNode steps) {
        line("| step | offered/s | requests | errors | ok/s | p50 | p90 | p99 | max |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (JsonNode st : steps) {
            line("| " + st.path("name").asText() + " | " + fmt(st.path("offeredRate").asDouble()) + " | "
                    + st.path("requests").asLong() + " | " + st.path("errors").asLong() + " | "
                    + fmt(st.path("throughput").asDouble()) + " | " + fmt(st.path("p50").asDouble()) + " | "
                    + fmt(st.path("p90").asDouble()) + " | " + fmt(st.path("p99").asDouble()) + " | "
                    + fmt(st.path("max").asDouble()) + " |");
        }
        line("");
    }

    private void searchMarkdown() {
        JsonNode search = root.get("search");
        if (search == null || search.isNull()) {
            return;
        }
        JsonNode data = search.get("data");
        line("## Search");
        line("");
        line("At " + data.path("tickets").asText() + " tickets and " + data.path("messages").asText() + " messages "
                + "(`deploy/bench/sql/seed-search.sql`, " + data.path("seedSeconds").asText() + " s; search GIN indexes "
                + data.path("searchIndexMiB").asText() + " MiB): `GET /api/support/tickets/search/?q=…` through the "
                + "gateway, Gatling open model. Selective: a word in about 1 of 10,000 tickets (`lot0000`…`lot9999`) "
                + "or 6 digits of a delivery id; worst case: `parcel`, in " + data.path("halfWordTickets").asText()
                + " tickets (half) and their messages. Agents search everything, customers their own tickets.");
        line("");
        stepTable(search.get("steps"));
        line("Gatling's own CPU: " + fmt(search.path("loadGeneratorCpuSeconds").asDouble()) + " s.");
        line("");
    }

    private void slaMarkdown() {
        JsonNode sla = root.get("sla");
        if (sla == null || sla.isNull()) {
            return;
        }
        line("## SLA job: one pass at the largest table");
        line("");
        line("`deploy/bench/sql/seed-sla.sql` gives every unresolved seeded ticket running clocks under a round-the-clock "
                + "policy (" + sla.path("unresolved").asText() + " unresolved of " + sla.path("tickets").asText()
                + " tickets; " + sla.path("checked").asText() + " in the job's schedule), "
                + sla.path("due").asText() + " of them with the first-response warning due now. The job's next "
                + "scheduled pass claims them in batches of 200 (`FOR UPDATE SKIP LOCKED`) and writes each batch's events, "
                + "timeline entries, marks and next checks in one statement (arrays through `unnest`). Measured by ticket-service itself (`support_sla_pass_seconds_max` on "
                + "`/q/metrics`, the longest pass of the last minutes): **" + fmt(sla.path("passSecondsMax").asDouble() * 1000)
                + " ms**; alerts written " + sla.path("alerts").asText() + " (timeline SLA_WARNING entries: "
                + sla.path("warnings").asText() + "), due clocks left after the pass: " + sla.path("leftDue").asText() + ".");
        line("");
    }

    private void pgbenchMarkdown() {
        JsonNode ov = root.get("ticketCreation").get("gatewayOverhead");
        JsonNode pg = root.get("pgbench");
        line("## 6. The database alone (pgbench)");
        line("");
        line("Same PostgreSQL, a scratch database with ticket-service's own schema (its Flyway migrations), one "
                + "transaction = `BEGIN; INSERT ticket; INSERT outbox_event; COMMIT` (`deploy/bench/sql/pgbench-ticket-insert.sql`), "
                + fmt(pg.path("clients").asDouble()) + " clients, 2 threads, " + fmt(pg.path("seconds").asDouble())
                + " s, prepared statements, fsync on. Latencies in ms from pgbench's per-transaction log.");
        line("");
        line("| tps | transactions | failed | p50 | p90 | p99 | max |");
        line("|---|---|---|---|---|---|---|");
        line("| " + fmt(pg.path("tps").asDouble()) + " | " + pg.path("count").asLong() + " | " + fmt(pg.path("failed").asDouble())
                + " | " + fmt(pg.path("p50").asDouble()) + " | " + fmt(pg.path("p90").asDouble()) + " | "
                + fmt(pg.path("p99").asDouble()) + " | " + fmt(pg.path("max").asDouble()) + " |");
        line("");
        double tps = pg.path("tps").asDouble();
        if (tps > 0) {
            line("Ticket creation through the gateway reaches " + fmt(100 * ov.path("bestThroughputGateway").asDouble() / tps)
                    + " % of what the database alone does with the same two rows per transaction (direct to "
                    + "ticket-service: " + fmt(100 * ov.path("bestThroughputDirect").asDouble() / tps) + " %).");
            line("");
        }

    }

    private void wrkRow(JsonNode s) {
        line("| " + s.path("target").asText() + " | " + s.path("connections").asInt() + " | "
                + fmt(s.path("seconds").asDouble()) + " | " + s.path("requests").asLong() + " | " + s.path("errors").asLong()
                + " | " + fmt(s.path("throughput").asDouble()) + " | " + fmt(s.path("p50").asDouble()) + " | "
                + fmt(s.path("p90").asDouble()) + " | " + fmt(s.path("p99").asDouble()) + " | "
                + fmt(s.path("max").asDouble()) + " | " + fmt(s.path("loadGeneratorCpuShare").asDouble()) + " % |");
    }

    private void cpuLine(JsonNode share, String when) {
        if (share == null || !share.has("percentOfMachine")) {
            return;
        }
        List<String> parts = new ArrayList<>();
        share.get("percentOfMachine").fields().forEachRemaining(e -> parts.add(e.getKey() + " " + fmt(e.getValue().asDouble()) + " %"));
        line("CPU " + when + " (share of all " + cores() + " cores over " + fmt(share.path("wallSeconds").asDouble())
                + " s): " + String.join(", ", parts) + "; system under test together "
                + fmt(share.path("systemUnderTestPercent").asDouble()) + " %"
                + (share.has("machineBusyPercent") ? "; the machine was busy " + fmt(share.path("machineBusyPercent").asDouble())
                        + " % of the time, the difference being the load generator and any other process on the machine"
                        : "") + ".");
        if (share.has("cpuMsPerRequest")) {
            List<String> per = new ArrayList<>();
            share.get("cpuMsPerRequest").fields().forEachRemaining(e -> per.add(e.getKey() + " " + fmt(e.getValue().asDouble())));
            line("");
            line("CPU milliseconds per successful request in that window (" + share.path("requests").asLong()
                    + " requests; includes the background work each request causes: events, notifications, JIT): "
                    + String.join(", ", per) + " — **" + fmt(share.path("cpuMsPerRequestTotal").asDouble())
                    + " ms in total, so " + cores() + " cores could do at most ~"
                    + fmt(share.path("ceilingPerSecondOnAllCores").asDouble()) + " per second** with nothing else running.");
        }
    }

    // --- chart -----------------------------------------------------------------------------------

    private void chart(Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String target : List.of("gateway", "ticket-service direct")) {
            for (String p : List.of("p50", "p90", "p99")) {
                series.put(target + " " + p, new XYSeries(target + " " + p));
            }
        }
        for (JsonNode r : root.get("ticketCreation").get("constantRate")) {
            for (String p : List.of("p50", "p90", "p99")) {
                XYSeries s = series.get(r.path("target").asText() + " " + p);
                if (s != null && r.has(p)) {
                    s.add(r.path("offeredRate").asDouble(), Math.max(0.5, r.path(p).asDouble()));
                }
            }
        }
        series.values().forEach(data::addSeries);
        LogAxis y = new LogAxis("latency (ms, log scale; no answer in 5 s counts as 5000)");
        y.setBase(10);
        y.setSmallestValue(0.5);
        y.setRange(0.5, 20000);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        NumberAxis x = new NumberAxis("offered rate (ticket creations per second, open model)");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color gw = new Color(0xC0392B);
        Color direct = new Color(0x2471A3);
        float[][] dashes = {{1f, 0f}, {6f, 4f}, {2f, 3f}};
        for (int i = 0; i < 6; i++) {
            renderer.setSeriesPaint(i, i < 3 ? gw : direct);
            renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    dashes[i % 3], 0f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        org.jfree.chart.plot.ValueMarker goal = new org.jfree.chart.plot.ValueMarker(50, Color.GRAY, new BasicStroke(1f));
        goal.setLabel("target: p99 <= 50 ms at 300/s");
        goal.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        goal.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(goal);
        JFreeChart chart = new JFreeChart("Ticket creation latency over load — " + env.getProperty("cores")
                + " cores, commit " + env.getProperty("commit").substring(0, 8) + ", " + env.getProperty("date"),
                JFreeChart.DEFAULT_TITLE_FONT.deriveFont(14f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 600);
    }

    // --- small helpers ----------------------------------------------------------------------------

    private interface Fmt {
        String apply(JsonNode n);
    }

    private static List<String> iter(JsonNode array, Fmt f) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(f.apply(n)));
        return out;
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        if (array == null) {
            return null;
        }
        for (JsonNode n : array) {
            if (n.path(key).asText().equals(value)) {
                return n;
            }
        }
        return null;
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    private void row(String k, String v) {
        line("| " + k + " | " + v + " |");
    }

    private int cores() {
        return Integer.parseInt(env.getProperty("cores", "2"));
    }

    /** Both modes run WebhookLatency at this machine's capacity rate and at the goal's rate (after a warm-up). */
    private void webhookRuns() throws IOException {
        root.set("webhooksAtCapacity", readJson(run.resolve("webhooks-capacity.json")));
        root.set("webhooks", readJson(run.resolve("webhooks.json")));
    }

    private static JsonNode readJson(Path p) throws IOException {
        return Files.exists(p) ? JSON.readTree(p.toFile()) : JSON.createObjectNode();
    }

    private static Properties properties(Path p) throws IOException {
        Properties props = new Properties();
        if (Files.exists(p)) {
            try (Reader r = Files.newBufferedReader(p)) {
                props.load(r);
            }
        }
        return props;
    }

    private static double num(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double ms(double micros) {
        return round(micros / 1000);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String fmt(double v) {
        if (v >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }
}
