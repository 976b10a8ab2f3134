package org.smartcamp.deploy.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * The bench's peer part: the batched Node-RED flow a field engineer would build, on the end-to-end part's
 * workload. Installs Node-RED and the {@code pg} client from npm into a temporary folder, starts Node-RED with
 * one flow (mqtt in at QoS 1, JSON, split the readings, join 1,000 readings or 200 ms, one multi-row
 * parameterised {@code INSERT ... ON CONFLICT DO NOTHING} through {@code pg} in a function node with
 * {@code functionExternalModules}), publishes the workload to a broker of its own, and counts the rows it stored
 * (and so its losses) and the CPU time of Node-RED, the broker and the flow's database backends. Skipped, with a
 * line that says why, where npm or Node.js is not available.
 */
public final class PeerBench {
    static final String APPLICATION = "smartcamp-peer";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration QUIET = Duration.ofSeconds(15);
    private static final int JOIN_COUNT = 1_000;
    private static final double CLOCK_TICKS = 100;

    private final Consumer<String> progress;

    public PeerBench(Consumer<String> progress) {
        this.progress = progress;
    }

    /** SmartCamp's end-to-end readings/s in an ingest report, to set beside the peer's. */
    public static double endToEnd(BenchReport report) {
        return report.endToEnd().readingsPerSecond();
    }

    /**
     * What the peer did.
     *
     * @param skipped      why it did not run, or null
     * @param nodeRed      the Node-RED version that ran
     * @param expected     readings published
     * @param stored       rows the flow stored
     * @param seconds      from the first publish to the last row stored
     * @param cpuMicros    CPU time in µs: Node-RED, database backends of the flow, broker
     * @param smartCamp    SmartCamp's end-to-end readings/s in the same run, or 0 when that part did not run
     */
    public record Result(String skipped, String nodeRed, long expected, long stored, double seconds,
                         double[] cpuMicros, double smartCamp) {
        static Result skip(String why) {
            return new Result(why, null, 0, 0, 0, new double[3], 0);
        }

        public double readingsPerSecond() {
            return seconds <= 0 ? 0 : stored / seconds;
        }

        /** The section of the report. */
        public String markdown(int perMessage, int gateways) {
            StringBuilder sb = new StringBuilder("## Peer: the batched Node-RED flow on the same workload\n\n");
            if (skipped != null) {
                return sb.append("Skipped: ").append(skipped).append("\n\n").toString();
            }
            sb.append(String.format(java.util.Locale.ROOT, "Node-RED %s with `pg` from npm (installed into a "
                    + "temporary folder), flow: mqtt in (QoS 1) -> json -> readings -> split -> join (%,d readings "
                    + "or 200 ms) -> function (`pg` through functionExternalModules: one multi-row parameterised "
                    + "INSERT ... ON CONFLICT DO NOTHING per batch, pool of 10). %,d readings in messages of %d from "
                    + "%d gateways, published with QoS 1 to a Mosquitto of its own.%n%n", nodeRed, JOIN_COUNT,
                expected, perMessage, gateways));
            sb.append("| measure | Node-RED | SmartCamp (same run) |\n|---|---|---|\n");
            sb.append(String.format(java.util.Locale.ROOT, "| readings/s, first publish to last row | %,.0f | %s |%n",
                readingsPerSecond(), smartCamp > 0 ? String.format(java.util.Locale.ROOT, "%,.0f", smartCamp)
                    : "(ingest part not run)"));
            sb.append(String.format(java.util.Locale.ROOT, "| rows stored / lost | %,d / %,d | (0 lost: the "
                + "ingest part counts every row) |%n", stored, expected - stored));
            String[] names = {"Node-RED", "database (the flow's backends)", "broker"};
            double total = 0;
            for (int i = 0; i < names.length; i++) {
                total += cpuMicros[i];
                sb.append(String.format(java.util.Locale.ROOT, "| CPU-µs per reading: %s | %s | |%n", names[i],
                    perReading(cpuMicros[i])));
            }
            sb.append(String.format(java.util.Locale.ROOT, "| CPU-µs per reading: total | %s | |%n",
                perReading(total)));
            if (smartCamp > 0 && readingsPerSecond() > 0) {
                sb.append(String.format(java.util.Locale.ROOT, "| SmartCamp / Node-RED readings/s | | %.1fx "
                    + "(target >= 4x) |%n", smartCamp / readingsPerSecond()));
            }
            return sb.append('\n').toString();
        }

        private String perReading(double micros) {
            return micros < 0 || stored == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f",
                micros / stored);
        }
    }

    /**
     * Runs the flow over {@code readings} readings.
     *
     * @param smartCamp SmartCamp's end-to-end readings/s measured in the same run, or 0
     */
    public Result run(DatabaseConfig db, long readings, int perMessage, int gateways, double smartCamp)
        throws Exception {
        String npm = version("npm", "--version");
        String node = version("node", "--version");
        if (npm == null || node == null) {
            String why = (node == null ? "Node.js (node) " : "npm ") + "is not available on this machine";
            progress.accept("peer: skipped: " + why);
            return Result.skip(why);
        }
        Path work = Files.createTempDirectory("smartcamp-peer");
        try {
            progress.accept("peer: installing node-red and pg from npm into " + work + " (node " + node + ", npm "
                + npm + ")");
            Path user = work.resolve("user");
            Files.createDirectories(user);
            exec(work, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "node-red");
            // where Node-RED (2+) looks for a function node's external modules: the user directory
            exec(user, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "pg");
            String nodeRed = new JsonObject(Files.readString(work.resolve("node_modules/node-red/package.json")))
                .getString("version");
            try (BenchSchema schema = new BenchSchema(db, "peer", 2);
                 LocalBroker broker = LocalBroker.start(work)) {
                try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE peer_readings (asset text NOT NULL, metric text NOT NULL, ts timestamptz"
                        + " NOT NULL, value double precision, PRIMARY KEY (asset, metric, ts))");
                }
                Workload workload = Workload.create("peer" + Long.toString(System.nanoTime() % 1_000_000_000L, 36),
                    readings, perMessage, gateways, Instant.now());
                Files.writeString(user.resolve("settings.js"), settings());
                Files.writeString(user.resolve("flows.json"), flow(db, schema.name(), broker.url(),
                    workload.mission()).encodePrettily());
                return drive(work, user, schema, broker, workload, gateways, nodeRed, smartCamp);
            }
        } finally {
            delete(work);
        }
    }

    private Result drive(Path work, Path user, BenchSchema schema, LocalBroker broker, Workload workload,
                         int gateways, String nodeRed, double smartCamp) throws Exception {
        Process red = new ProcessBuilder("node", work.resolve("node_modules/node-red/red.js").toString(),
            "--userDir", user.toString(), "--settings", user.resolve("settings.js").toString())
            .redirectErrorStream(true).start();
        try {
            CountDownLatch connected = new CountDownLatch(1);
            List<String> log = new ArrayList<>();
            Thread reader = new Thread(() -> follow(red, log, connected), "peer-node-red-log");
            reader.setDaemon(true);
            reader.start();
            if (!connected.await(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("peer: Node-RED did not connect to the broker within "
                    + READY_TIMEOUT.toSeconds() + " s; its log: " + String.join(" | ", lastLines(log)));
            }
            Thread.sleep(1_000);
            progress.accept("peer: Node-RED " + nodeRed + " running; publishing " + workload.readings()
                + " readings");
            long[] before = {ticks(red.pid()), 0, ticks(broker.pid())};
            long start = System.nanoTime();
            Publishing.publish(broker.url(), "peer", workload, gateways, 0, (m, g) -> { });
            long stored = 0;
            long lastChange = System.nanoTime();
            while (stored < workload.readings() && System.nanoTime() - lastChange < QUIET.toNanos()) {
                Thread.sleep(100);
                long now = schema.count("SELECT count(*) FROM peer_readings");
                if (now != stored) {
                    stored = now;
                    lastChange = System.nanoTime();
                }
            }
            double seconds = (lastChange - start) / 1e9;
            double[] cpu = {micros(ticks(red.pid()) - before[0]), micros(backendTicks(schema)),
                micros(ticks(broker.pid()) - before[2])};
            progress.accept(String.format(java.util.Locale.ROOT, "peer: %,d of %,d rows in %.1f s: %,.0f readings/s",
                stored, workload.readings(), seconds, stored / seconds));
            if (stored < workload.readings()) {
                progress.accept("peer: Node-RED's last lines: " + String.join(" | ", lastLines(log)));
            }
            return new Result(null, nodeRed, workload.readings(), stored, seconds, cpu, smartCamp);
        } finally {
            red.destroy();
            if (!red.waitFor(10, TimeUnit.SECONDS)) {
                red.destroyForcibly();
            }
        }
    }

    private static void follow(Process red, List<String> log, CountDownLatch connected) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(red.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (log) {
                    log.add(line);
                }
                if (line.contains("Connected to broker")) {
                    connected.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static List<String> lastLines(List<String> log) {
        synchronized (log) {
            return List.copyOf(log.subList(Math.max(0, log.size() - 15), log.size()));
        }
    }

    private static String settings() {
        return "module.exports = {\n  uiHost: '127.0.0.1',\n  uiPort: 0,\n  httpAdminRoot: false,\n"
            + "  httpNodeRoot: false,\n  flowFile: 'flows.json',\n  credentialSecret: false,\n"
            + "  functionExternalModules: true,\n  logging: { console: { level: 'info', metrics: false, "
            + "audit: false } }\n};\n";
    }

    /** The flow: broker, mqtt in, json, readings, split, join, function with pg. */
    static JsonArray flow(DatabaseConfig db, String schema, String brokerUrl, String mission) {
        URI jdbc = URI.create(db.url().substring("jdbc:".length()));
        URI mqtt = URI.create(brokerUrl);
        String database = jdbc.getPath().substring(1);
        JsonObject pool = new JsonObject().put("host", jdbc.getHost()).put("port", jdbc.getPort() < 0 ? 5432
                : jdbc.getPort()).put("database", database).put("user", db.user())
            .put("password", db.password() == null ? "" : db.password()).put("max", 10).put("idleTimeoutMillis", 0)
            .put("application_name", APPLICATION);
        String table = "\"" + schema + "\".peer_readings";
        String func = String.join("\n",
            "const rows = msg.payload;",
            "if (!Array.isArray(rows) || rows.length === 0) { return null; }",
            "const values = new Array(rows.length);",
            "const params = new Array(rows.length * 4);",
            "for (let i = 0; i < rows.length; i++) {",
            "  const r = rows[i];",
            "  const b = i * 4;",
            "  values[i] = '($' + (b + 1) + ',$' + (b + 2) + ',$' + (b + 3) + ',$' + (b + 4) + ')';",
            "  params[b] = r.asset; params[b + 1] = r.metric; params[b + 2] = r.ts; params[b + 3] = r.value;",
            "}",
            "context.get('pool').query('INSERT INTO " + table + " (asset, metric, ts, value) VALUES ' "
                + "+ values.join(',') + ' ON CONFLICT DO NOTHING', params)",
            "  .then(() => node.done()).catch(err => node.error(err, msg));",
            "return null;");
        // ids of 16 hex digits as the editor makes them (a word such as "json" can clash with a node's settings)
        String tab = "5c0a000000000000";
        String in = "5c0a000000000001";
        String json = "5c0a000000000002";
        String readings = "5c0a000000000003";
        String split = "5c0a000000000004";
        String join = "5c0a000000000005";
        String insert = "5c0a000000000006";
        String broker = "5c0a000000000007";
        return new JsonArray()
            .add(new JsonObject().put("id", tab).put("type", "tab").put("label", "SmartCamp peer"))
            .add(new JsonObject().put("id", broker).put("type", "mqtt-broker").put("name", "bench")
                .put("broker", mqtt.getHost()).put("port", String.valueOf(mqtt.getPort()))
                .put("clientid", APPLICATION).put("autoConnect", true).put("usetls", false)
                .put("protocolVersion", "4").put("keepalive", "60").put("cleansession", true))
            .add(node(in, tab, "mqtt in", json).put("topic", TopicAddress.ROOT + "/" + mission + "/+/+/"
                + TopicAddress.TELEMETRY).put("qos", "1").put("datatype", "utf8").put("broker", broker)
                .put("nl", false).put("rap", false).put("inputs", 0))
            .add(node(json, tab, "json", readings).put("property", "payload").put("action", "obj")
                .put("pretty", false))
            .add(node(readings, tab, "change", split).put("rules", new JsonArray().add(new JsonObject()
                .put("t", "set").put("p", "payload").put("pt", "msg").put("to", "payload.readings")
                .put("tot", "msg"))))
            .add(node(split, tab, "split", join).put("splt", "\\n").put("spltType", "str")
                .put("arraySplt", 1).put("arraySpltType", "len").put("stream", false).put("addname", ""))
            .add(node(join, tab, "join", insert).put("mode", "custom").put("build", "array")
                .put("property", "payload").put("propertyType", "msg").put("key", "topic").put("joiner", "\\n")
                .put("joinerType", "str").put("accumulate", false).put("timeout", "0.2")
                .put("count", String.valueOf(JOIN_COUNT)).put("reduceRight", false))
            .add(new JsonObject().put("id", insert).put("type", "function").put("z", tab).put("name", "INSERT")
                .put("func", func).put("outputs", 0).put("timeout", 0).put("noerr", 0)
                .put("initialize", "context.set('pool', new pg.Pool(" + pool.encode() + "));")
                .put("finalize", "const p = context.get('pool'); if (p) { p.end(); }")
                .put("libs", new JsonArray().add(new JsonObject().put("var", "pg").put("module", "pg")))
                .put("wires", new JsonArray()));
    }

    private static JsonObject node(String id, String tab, String type, String next) {
        return new JsonObject().put("id", id).put("type", type).put("z", tab).put("name", "")
            .put("wires", new JsonArray().add(new JsonArray().add(next)));
    }

    /** utime + stime of the flow's database backends (the database on this machine), or -1 when unreadable. */
    private static long backendTicks(BenchSchema schema) {
        long sum = 0;
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '"
                 + APPLICATION + "'")) {
            while (rs.next()) {
                long t = ticks(rs.getLong(1));
                if (t < 0) {
                    return -1;
                }
                sum += t;
            }
        } catch (SQLException e) {
            return -1;
        }
        return sum;
    }

    /** utime + stime of a process, in clock ticks, or -1 when it cannot be read. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double micros(long ticks) {
        return ticks < 0 ? -1 : ticks / CLOCK_TICKS * 1e6;
    }

    /** The first line {@code command} prints, or null when it cannot run. */
    private static String version(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out.lines()
                .findFirst().orElse(out) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void exec(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("peer: " + String.join(" ", command) + " failed in " + dir + ": "
                + out.strip());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
