package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.Http;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.deploy.testsupport.Launcher.Run;
import org.smartcamp.ingest.testsupport.TestDatabase;

/**
 * {@code smartcamp api} and {@code smartcamp apikey} as a user runs them: keys created, listed and revoked in the
 * real database, the API served by the launcher process until SIGTERM, and one clear line for bad settings.
 */
class ApiCliIT {
    private static final Pattern KEY = Pattern.compile("(?m)^(sck_[A-Za-z0-9_-]{43})$");
    private static final Pattern KEY_ID = Pattern.compile("API key (key-[0-9a-f]{10}) created");
    private static TestDatabase db;

    @BeforeAll
    static void migrate() throws Exception {
        db = TestDatabase.create("cli_api");
        Run migrate = Launcher.run(env(), "migrate");
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        Run inventory = Launcher.run(env(), "inventory", "config/inventory.example.yaml");
        assertThat(inventory.exit()).as(inventory.err()).isZero();
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void theApiServesHealthOpenlyAndDataOnlyWithAKeyUntilSigterm() throws Exception {
        String key = secret(create("--name", "cli test", "--role", "viewer", "--camps", "juba1"));
        int port = Launcher.freePort();
        int management = Launcher.freePort();
        Map<String, String> env = env();
        env.put("SMARTCAMP_API_PORT", Integer.toString(port));
        env.put("SMARTCAMP_API_MANAGEMENT_PORT", Integer.toString(management));
        env.put("SMARTCAMP_DATABASE_MIGRATE_ON_START", "false");
        File out = new File("target/cli-api.out");
        File err = new File("target/cli-api.err");
        Process api = Launcher.process(env, "api").redirectOutput(out).redirectError(err).start();
        String base = "http://127.0.0.1:" + port;
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> Http.get(base + "/health/ready", null).statusCode() == 200);
            assertThat(Http.get("http://127.0.0.1:" + management + "/health/ready", null).statusCode())
                .isEqualTo(200);
            HttpResponse<String> anonymous = Http.get(base + "/api/v1/camps", null);
            HttpResponse<String> withKey = Http.get(base + "/api/v1/camps", key);
            HttpResponse<String> otherMission = Http.get(base + "/api/v1/camps/bor1", key);

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("X-API-Key");
            assertThat(withKey.statusCode()).as(withKey.body()).isEqualTo(200);
            assertThat(withKey.body()).contains("\"juba1\"").doesNotContain("\"bor1\"");
            assertThat(otherMission.statusCode()).as("a camp outside the key's scope").isEqualTo(403);
            assertThat(Http.get(base + "/", null).body()).contains("<html");
        } finally {
            api.destroy();
            assertThat(api.waitFor(30, TimeUnit.SECONDS)).as("the API stops on SIGTERM").isTrue();
        }
        assertThat(api.exitValue()).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
        assertThat(Files.readString(out.toPath())).contains("api running", base + "/api/v1/", base + "/api/docs/",
            "dashboard " + base + "/", "health on http://127.0.0.1:" + management + "/health/ready");
        assertThat(Files.readString(err.toPath())).contains("API stopped").doesNotContain("Exception", "ERROR");
    }

    @Test
    void jwtSettingsReachTheServerWhichThenAcceptsSignedTokensWithTheConfiguredIssuerAndAudience() throws Exception {
        String secret = "a-shared-secret-of-at-least-32-bytes!";
        int port = Launcher.freePort();
        Map<String, String> env = env();
        env.put("SMARTCAMP_API_PORT", Integer.toString(port));
        env.put("SMARTCAMP_API_MANAGEMENT_PORT", "-1");
        env.put("SMARTCAMP_API_JWT_ALGORITHM", "HS256");
        env.put("SMARTCAMP_API_JWT_SECRET", secret);
        env.put("SMARTCAMP_API_JWT_ISSUER", "https://id.example");
        env.put("SMARTCAMP_API_JWT_AUDIENCE", "smartcamp");
        Process api = Launcher.process(env, "api").redirectErrorStream(true)
            .redirectOutput(new File("target/cli-api-jwt.log")).start();
        String camps = "http://127.0.0.1:" + port + "/api/v1/camps";
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> Http.get("http://127.0.0.1:" + port + "/health/ready", null).statusCode() == 200);
            long exp = System.currentTimeMillis() / 1000 + 600;
            String good = hs256(secret, "{\"sub\":\"ops\",\"role\":\"viewer\",\"camps\":[\"bor1\"],"
                + "\"iss\":\"https://id.example\",\"aud\":\"smartcamp\",\"exp\":" + exp + "}");
            String otherIssuer = hs256(secret, "{\"sub\":\"ops\",\"role\":\"viewer\",\"camps\":[\"bor1\"],"
                + "\"iss\":\"https://evil.example\",\"aud\":\"smartcamp\",\"exp\":" + exp + "}");

            HttpResponse<String> accepted = Http.bearer(camps, good);
            HttpResponse<String> refused = Http.bearer(camps, otherIssuer);

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.body()).contains("\"bor1\"").doesNotContain("\"juba1\"");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("wrong issuer");
        } finally {
            api.destroy();
            assertThat(api.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(Path.of("target/cli-api-jwt.log"))).doesNotContain(secret);
    }

    @Test
    void aKeyIsPrintedOnceStoredAsItsHashListedWithoutItAndRevoked() throws Exception {
        Run created = create("--name", "BI export", "--role", "logistics", "--missions", "unmiss,minusma",
            "--camps", "bor1", "--location", "bor1", "--expires", "90d");
        String secret = secret(created);
        Matcher id = KEY_ID.matcher(created.out());
        assertThat(id.find()).as(created.out()).isTrue();
        assertThat(created.err()).as("unmiss and bor1 are registered, minusma is not")
            .contains("smartcamp: warning: mission 'minusma' is not registered (yet)").doesNotContain("'unmiss'")
            .doesNotContain("'bor1'");

        assertThat(db.queryLong("SELECT count(*) FROM api_keys WHERE id = '" + id.group(1) + "' AND role = "
            + "'logistics' AND missions = '{unmiss,minusma}' AND camps = '{bor1}' AND location = '{bor1}'"
            + " AND expires_at > now() + INTERVAL "
            + "'89 days' AND secret_sha256 = sha256(convert_to('" + secret + "', 'UTF8'))")).isEqualTo(1);
        Run list = Launcher.run(env(), "apikey", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains(id.group(1), "logistics", "active", "BI export", "missions unmiss,minusma",
            "camps bor1", "location bor1").doesNotContain(secret);

        Run revoke = Launcher.run(env(), "apikey", "revoke", id.group(1));
        Run again = Launcher.run(env(), "apikey", "revoke", id.group(1));

        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("API key " + id.group(1) + " revoked");
        assertThat(Launcher.run(env(), "apikey", "list").out()).containsPattern(id.group(1) + " +logistics +revoked");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.errorLines()).containsExactly("smartcamp: error: there is no active API key with id '"
            + id.group(1) + "' (see smartcamp apikey list)");
    }

    @Test
    void badKeyArgumentsAreRefusedAndNothingIsStored() throws Exception {
        long before = db.queryLong("SELECT count(*) FROM api_keys");
        List<List<String>> bad = List.of(
            List.of("--name", "x", "--role", "boss", "--missions", "unmiss"),
            List.of("--name", "x", "--role", "viewer"),
            List.of("--name", " ", "--role", "viewer", "--missions", "unmiss"),
            List.of("--name", "x", "--role", "viewer", "--camps", "Bad Camp"),
            List.of("--name", "x", "--role", "viewer", "--missions", "unmiss", "--expires", "forever"),
            List.of("--role", "viewer", "--missions", "unmiss"),
            List.of("--name", "x", "--role", "viewer", "--missions", "unmiss", "--location", "Juba One"));
        List<String> expected = List.of("--role is 'boss'; expected viewer, logistics or admin",
            "the key needs a scope", "the key needs a name", "camp 'Bad Camp' is not a camp id",
            "--expires is 'forever'", "--name", "location 'Juba One' is not a camp or mission id");

        for (int i = 0; i < bad.size(); i++) {
            Run run = create(bad.get(i).toArray(String[]::new));
            assertThat(run.exit()).as("%s: %s", bad.get(i), run.err()).isEqualTo(2);
            assertThat(run.err()).as("%s", bad.get(i)).contains(expected.get(i)).doesNotContain("\tat ");
            assertThat(run.out()).doesNotContain("sck_");
        }
        assertThat(db.queryLong("SELECT count(*) FROM api_keys")).isEqualTo(before);
    }

    @Test
    void badApiSettingsAreOneClearLine() throws Exception {
        Map<String, Map<String, String>> cases = Map.of(
            "api.jwt.algorithm (from environment variable SMARTCAMP_API_JWT_ALGORITHM) is RS256 but none of "
                + "api.jwt.publicKeyFile, api.jwt.jwksFile, api.jwt.jwksUrl, api.jwt.discovery is set",
            Map.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256"),
            "api.jwt: discovery reads <issuer>/.well-known/openid-configuration: set the issuer",
            Map.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256", "SMARTCAMP_API_JWT_DISCOVERY", "true"),
            "is HS256 but api.jwt.secret is empty", Map.of("SMARTCAMP_API_JWT_ALGORITHM", "HS256"),
            "api.jwt: the secret must be at least 32 bytes long",
            Map.of("SMARTCAMP_API_JWT_ALGORITHM", "HS256", "SMARTCAMP_API_JWT_SECRET", "short"),
            "api.tls.certFile (from environment variable SMARTCAMP_API_TLS_CERT_FILE) is '/nonexistent.pem', which "
                + "is not a readable file", Map.of("SMARTCAMP_API_TLS_CERT_FILE", "/nonexistent.pem"),
            "api.port (from environment variable SMARTCAMP_API_PORT) is '99999'",
            Map.of("SMARTCAMP_API_PORT", "99999"));
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            Map<String, String> env = env();
            env.putAll(c.getValue());
            Run run = Launcher.run(env, "api");
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertThat(run.errorLines()).as(run.err()).hasSize(1);
            assertThat(run.errorLines().get(0)).contains(c.getKey());
            assertThat(run.err()).doesNotContain("\tat ", "Exception", "short");
        }
    }

    @Test
    void aPortInUseOrAnUnmigratedDatabaseIsOneClearLineForApiAndApikey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestDatabase empty = TestDatabase.create("cli_api_empty")) {
            Map<String, String> env = env();
            env.put("SMARTCAMP_API_PORT", Integer.toString(taken.getLocalPort()));
            Map<String, String> unmigrated = Launcher.databaseEnv(empty);
            unmigrated.put("SMARTCAMP_DATABASE_MIGRATE_ON_START", "false");
            unmigrated.put("SMARTCAMP_API_PORT", "0");

            Run busy = Launcher.run(env, "api");
            Run noSchema = Launcher.run(unmigrated, "api");
            Run noKeys = Launcher.run(unmigrated, "apikey", "list");

            assertThat(busy.exit()).as(busy.err()).isEqualTo(1);
            assertThat(busy.errorLines()).singleElement().asString()
                .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (api.host, api.port)");
            assertThat(noSchema.exit()).as(noSchema.err()).isEqualTo(1);
            assertThat(noSchema.errorLines()).singleElement().asString()
                .contains("the API cannot read the registry from " + empty.url(), "smartcamp migrate");
            assertThat(noKeys.exit()).as(noKeys.err()).isEqualTo(1);
            assertThat(noKeys.errorLines()).containsExactly("smartcamp: error: the database at " + empty.url()
                + " has no api_keys table: run smartcamp migrate first");
            assertThat(busy.err() + noSchema.err() + noKeys.err()).doesNotContain("\tat ", "Exception");
        }
    }

    private static String hs256(String secret, String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return unsigned + "." + b64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
    }

    private static Run create(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "apikey";
        all[1] = "create";
        System.arraycopy(args, 0, all, 2, args.length);
        return Launcher.run(env(), all);
    }

    private static String secret(Run created) {
        assertThat(created.exit()).as(created.err()).isZero();
        Matcher m = KEY.matcher(created.out());
        assertThat(m.find()).as(created.out()).isTrue();
        return m.group(1);
    }

    private static Map<String, String> env() {
        return Launcher.databaseEnv(db);
    }
}
