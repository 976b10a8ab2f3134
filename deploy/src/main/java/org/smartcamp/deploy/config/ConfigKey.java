package org.smartcamp.deploy.config;

import java.util.Locale;

/**
 * Every configuration key of SmartCamp, its default and what it means: the one source of the configuration
 * reference (docs/configuration.md is checked against it). A key {@code a.bC} is set in the config file as
 * nested YAML ({@code a: {bC: …}}) or with the environment variable {@code SMARTCAMP_A_B_C}, which wins.
 */
public enum ConfigKey {
    DATABASE_URL("database.url", "jdbc:postgresql://127.0.0.1:5432/smartcamp",
        "JDBC URL of the PostgreSQL or TimescaleDB database."),
    DATABASE_USER("database.user", "postgres", "Database user."),
    DATABASE_PASSWORD("database.password", "", "Database password (set it through the environment).", true),
    DATABASE_POOL_SIZE("database.poolSize", "4", "Connections in the pool of each process."),
    DATABASE_RETENTION("database.retention", "",
        "How long readings are kept, e.g. 400d; empty keeps them forever."),
    DATABASE_PERSONAL_RETENTION("database.personalRetention", "30d",
        "How long readings of personal metrics (vehicle positions) are kept; never longer than database.retention."),
    DATABASE_MIGRATE_ON_START("database.migrateOnStart", "true",
        "Whether ingest, analytics and api apply pending schema migrations when they start."),
    MQTT_URL("mqtt.url", "tcp://127.0.0.1:1883", "Broker URL (tcp:// or ssl://)."),
    MQTT_CLIENT_ID("mqtt.clientId", "smartcamp-ingest-1",
        "MQTT client id; stable and unique per ingest replica, so its session survives restarts."),
    MQTT_USERNAME("mqtt.username", "", "Broker user name; empty for none."),
    MQTT_PASSWORD("mqtt.password", "", "Broker password (set it through the environment).", true),
    MQTT_TOPIC_FILTER("mqtt.topicFilter", "smartcamp/v1/+/+/+/telemetry", "Telemetry subscription filter."),
    MQTT_SHARED_GROUP("mqtt.sharedGroup", "",
        "MQTT 5 shared subscription group, so that several ingest replicas split the load; empty for none."),
    MQTT_SESSION_EXPIRY("mqtt.sessionExpiry", "7d",
        "How long the broker keeps the ingest's session and queues its messages while it is away."),
    MQTT_RECEIVE_MAXIMUM("mqtt.receiveMaximum", "1000",
        "Most unacknowledged messages the broker sends at once; bounds the ingest's memory."),
    MQTT_KEEP_ALIVE("mqtt.keepAlive", "30s", "MQTT keep-alive interval."),
    MQTT_CONNECT_TIMEOUT("mqtt.connectTimeout", "10s", "How long to wait for the broker at start."),
    INGEST_BATCH_SIZE("ingest.batchSize", "5000", "Readings that close a batch."),
    INGEST_BATCH_DELAY("ingest.batchDelay", "200ms", "Longest a reading waits before its batch is committed."),
    INGEST_WRITERS("ingest.writers", "3",
        "Batches written at once, each on a connection of its own (they commit one at a time, in order); at most"
            + " database.poolSize - 1 (left unset: lowered to that)."),
    INGEST_RETRY_BACKOFF("ingest.retryBackoff", "500ms",
        "First wait before retrying a failed commit; doubles up to 30s."),
    INGEST_STUCK_AFTER("ingest.stuckAfter", "2m",
        "No commit for this long while messages wait: readiness DOWN and smartcamp_ingest_stalled_seconds alerts."),
    INGEST_AUTO_REGISTER_ASSETS("ingest.autoRegisterAssets", "true",
        "Whether an asset first seen in a camp's telemetry joins that camp (true, the demo's setting) or stays "
            + "provisional, its readings quarantined, until an inventory names it (false, for production); a camp's "
            + "auto_register in the inventory overrides it."),
    INGEST_QUOTA_METRICS_PER_GATEWAY("ingest.quota.newMetricsPerGateway", "100",
        "New metric names one gateway may register per hour; a message beyond it is dead-lettered."),
    INGEST_QUOTA_METRICS_PER_CAMP("ingest.quota.newMetricsPerCamp", "200",
        "New metric names one camp's gateways may register per hour."),
    INGEST_QUOTA_ASSETS_PER_GATEWAY("ingest.quota.newAssetsPerGateway", "500",
        "New assets one gateway may register per hour; a message beyond it is dead-lettered."),
    INGEST_QUOTA_ASSETS_PER_CAMP("ingest.quota.newAssetsPerCamp", "1000",
        "New assets one camp's gateways may register per hour."),
    INGEST_HTTP_HOST("ingest.httpHost", "127.0.0.1", "Interface of the ingest's health and metrics endpoints."),
    INGEST_HTTP_PORT("ingest.httpPort", "9464", "Port of the ingest's health and metrics endpoints."),
    SPARKPLUG_ENABLED("sparkplug.enabled", "false",
        "Whether the ingest also reads Sparkplug B edge nodes (spBv1.0 topics) as a primary host; on one replica "
            + "per group only (docs/wire-protocol.md, Sparkplug B)."),
    SPARKPLUG_HOST_ID("sparkplug.hostId", "smartcamp",
        "Primary host id: the ingest publishes spBv1.0/STATE/{hostId} (retained, with its will)."),
    SPARKPLUG_GROUP("sparkplug.group", "", "The one Sparkplug group (mission) to read; empty for every group."),
    SPARKPLUG_RETAIN_STATE("sparkplug.retainState", "true",
        "Whether the host's STATE and its will are retained, as Sparkplug 3.0 requires; false only on a broker "
            + "with retain_available false (the shipped Mosquitto), where edge nodes cannot read a retained STATE."),
    SPARKPLUG_REBIRTH_INTERVAL("sparkplug.rebirthInterval", "5s",
        "Least time between two rebirth requests (NCMD Node Control/Rebirth) to one edge node."),
    LOG_FORMAT("log.format", "text",
        "Log format on stderr: text (one line per event) or json (one JSON object per line, for log collectors)."),
    LOG_LEVEL("log.level", "INFO", "Level of SmartCamp's logs: ERROR, WARN, INFO, DEBUG or TRACE."),
    WIRE_MAX_PAYLOAD_BYTES("wire.maxPayloadBytes", "262144", "Largest accepted telemetry payload."),
    WIRE_MAX_READINGS("wire.maxReadings", "5000", "Most readings in one telemetry message."),
    WIRE_MAX_AGE("wire.maxAge", "90d",
        "Oldest accepted event time (and message sent time), relative to arrival (gateway backlogs); at most 36500d."),
    WIRE_MAX_FUTURE_SKEW("wire.maxFutureSkew", "5m",
        "Furthest accepted event time (and message sent time) in the future (clock skew); at most 36500d."),
    WIRE_MAX_ABS_VALUE("wire.maxAbsValue", "1e12", "Largest accepted absolute value of a reading."),
    ANALYTICS_INTERVAL("analytics.interval", "30s",
        "Time between passes of the analytics job; each brings the hourly and daily rollups up to date."),
    ANALYTICS_ANALYSIS_INTERVAL("analytics.analysisInterval", "5m",
        "Least time between two runs of the analyzers (data quality, daily figures, detectors) over new readings."),
    ANALYTICS_LAG("analytics.lag", "2m",
        "Longest a reading may take from its arrival to its commit; the job re-reads that much of the arrivals."),
    ANALYTICS_HTTP_HOST("analytics.httpHost", "127.0.0.1",
        "Interface of the analytics process's health and metrics endpoints."),
    ANALYTICS_HTTP_PORT("analytics.httpPort", "9465", "Port of the analytics process's health and metrics endpoints."),
    ALARMS_DELIVERY_ENABLED("alarms.delivery.enabled", "true",
        "Whether the analytics process delivers the alarm outbox (webhook, e-mail, MQTT); several processes may."),
    ALARMS_DELIVERY_POLL_INTERVAL("alarms.delivery.pollInterval", "2s",
        "How often the alarm dispatcher looks for due notifications when it found none."),
    ALARMS_DELIVERY_BACKOFF_BASE("alarms.delivery.backoffBase", "10s",
        "Longest wait before the first retry of a failed notification (full jitter: a random part of it)."),
    ALARMS_DELIVERY_BACKOFF_CAP("alarms.delivery.backoffCap", "1h",
        "The retry wait's bound doubles with each attempt up to this."),
    ALARMS_DELIVERY_MAX_ATTEMPTS("alarms.delivery.maxAttempts", "12",
        "Attempts after which a notification that still fails is marked failed."),
    ALARMS_DELIVERY_MAX_AGE("alarms.delivery.maxAge", "24h",
        "A notification this old (since its alarm transition) that fails again is marked failed."),
    ALARMS_WEBHOOK_TIMEOUT("alarms.webhook.timeout", "10s",
        "Connect timeout, and answer timeout, of a webhook POST; no answer in time is retried."),
    ALARMS_SMTP_HOST("alarms.smtp.host", "",
        "SMTP server of alarm e-mail; empty disables e-mail. Checked when analytics starts (unreachable: refused)."),
    ALARMS_SMTP_PORT("alarms.smtp.port", "587", "Port of alarms.smtp.host (587 submission with STARTTLS)."),
    ALARMS_SMTP_USERNAME("alarms.smtp.username", "", "SMTP login; empty sends without authentication."),
    ALARMS_SMTP_PASSWORD("alarms.smtp.password", "",
        "SMTP password (set it through the environment, or write env:NAME to read the variable NAME).", true),
    ALARMS_SMTP_FROM("alarms.smtp.from", "smartcamp@localhost", "Sender address of alarm e-mail."),
    ALARMS_SMTP_STARTTLS("alarms.smtp.starttls", "required",
        "required (never send in clear), optional (upgrade when offered) or off (a relay on a trusted network)."),
    ALARMS_SMTP_TIMEOUT("alarms.smtp.timeout", "10s", "Connect, read and write timeout of the SMTP connection."),
    ALARMS_MQTT_URL("alarms.mqtt.url", "",
        "Broker that MQTT alarm notifications are published to (smartcamp/alarms/...); empty: mqtt.url."),
    ALARMS_MQTT_CLIENT_ID("alarms.mqtt.clientId", "",
        "MQTT client id of the alarm publisher, unique per analytics process; empty: smartcamp-alarms-<random>."),
    ALARMS_MQTT_USERNAME("alarms.mqtt.username", "",
        "Broker user of the alarm publisher; empty: mqtt.username with mqtt.password."),
    ALARMS_MQTT_PASSWORD("alarms.mqtt.password", "", "Password of alarms.mqtt.username (set it through the "
        + "environment).", true),
    API_HOST("api.host", "127.0.0.1", "Interface the API and dashboard listen on (0.0.0.0 for every interface)."),
    API_PORT("api.port", "8080", "Port of the API and dashboard."),
    API_MANAGEMENT_HOST("api.managementHost", "127.0.0.1",
        "Interface of the API process's health and metrics endpoints."),
    API_MANAGEMENT_PORT("api.managementPort", "9466",
        "Port of the API process's health and metrics endpoints; -1 serves them on the API port only "
            + "(metrics then need an admin credential)."),
    API_JWT_ALGORITHM("api.jwt.algorithm", "",
        "Algorithm of accepted bearer tokens (HS256/384/512, RS*, PS*, ES*); empty accepts API keys only."),
    API_JWT_SECRET("api.jwt.secret", "",
        "Shared secret of HS* tokens, at least 32 bytes (set it through the environment).", true),
    API_JWT_PUBLIC_KEY_FILE("api.jwt.publicKeyFile", "", "PEM public key file that verifies RS*, PS* and ES* tokens."),
    API_JWT_JWKS_FILE("api.jwt.jwksFile", "", "JWKS file with the keys that verify RS*, PS* and ES* tokens."),
    API_JWT_ISSUER("api.jwt.issuer", "", "Required iss of bearer tokens; empty checks none."),
    API_JWT_AUDIENCE("api.jwt.audience", "", "Required aud of bearer tokens; empty checks none."),
    API_JWT_LEEWAY("api.jwt.leeway", "30s", "Clock skew allowed on the exp and nbf of bearer tokens."),
    API_JWT_JWKS_URL("api.jwt.jwksUrl", "",
        "URL (https) of the identity provider's JWKS, fetched and cached; instead of a key file or discovery."),
    API_JWT_DISCOVERY("api.jwt.discovery", "false",
        "Find the JWKS (and the dashboard's endpoints) in <api.jwt.issuer>/.well-known/openid-configuration."),
    API_JWT_KEYS_TTL("api.jwt.keysTtl", "15m",
        "How long the provider's keys are kept when its answer has no Cache-Control max-age."),
    API_JWT_KEYS_MIN_REFETCH("api.jwt.keysMinRefetch", "30s",
        "Least time between two fetches of the provider's keys (a token with an unknown key id asks for one)."),
    API_JWT_ROLE_CLAIM("api.jwt.roleClaim", "role",
        "Claim holding the role or roles, a dotted path into objects (realm_access.roles for Keycloak)."),
    API_JWT_ROLE_MAP("api.jwt.roleMap", "",
        "Provider role names to SmartCamp roles, name=role separated by commas; empty: the claim holds viewer, "
            + "logistics or admin."),
    API_JWT_MISSIONS_CLAIM("api.jwt.missionsClaim", "missions", "Claim holding the array of mission ids (* for all)."),
    API_JWT_CAMPS_CLAIM("api.jwt.campsClaim", "camps", "Claim holding the array of camp ids."),
    API_JWT_SCOPES_CLAIM("api.jwt.scopesClaim", "",
        "Claim whose mission:<id> and camp:<id> entries (array, or words separated by spaces) add to the scope."),
    API_OIDC_CLIENT_ID("api.oidc.clientId", "",
        "Client id of the dashboard at the identity provider (public client, PKCE); set it, with "
            + "api.jwt.discovery, to offer sign-in with the provider."),
    API_OIDC_SCOPES("api.oidc.scopes", "openid profile",
        "Scopes the dashboard asks the provider for (openid among them)."),
    API_OIDC_REDIRECT_URI("api.oidc.redirectUri", "",
        "Redirect URI registered for the dashboard; empty: the dashboard's own address (api.publicUrl/)."),
    API_OIDC_NAME("api.oidc.name", "", "Provider name on the dashboard's button (Sign in with <name>)."),
    API_RATE_LIMIT_PER_SECOND("api.rateLimit.perSecond", "20", "Requests per second each client may make, sustained."),
    API_RATE_LIMIT_BURST("api.rateLimit.burst", "100",
        "Requests each client may make at once above the sustained rate."),
    API_CORS_ORIGINS("api.cors.origins", "",
        "Comma-separated origins of other sites' pages allowed to call the API (* for any); empty allows none."),
    API_TRUSTED_PROXIES("api.trustedProxies", "",
        "Comma-separated addresses or CIDR blocks of reverse proxies whose X-Forwarded-For names the client; empty "
            + "trusts none."),
    API_TLS_CERT_FILE("api.tls.certFile", "",
        "PEM certificate (chain) for HTTPS; empty serves plain HTTP (behind a TLS-terminating proxy)."),
    API_TLS_KEY_FILE("api.tls.keyFile", "", "PEM private key of api.tls.certFile."),
    API_MAX_RANGE("api.maxRange", "400d", "Longest time range of one request over rollups, figures and events."),
    API_MAX_RAW_RANGE("api.maxRawRange", "31d", "Longest time range of one request over raw readings."),
    API_MAX_POINTS("api.maxPoints", "10000", "Most buckets per series one request may produce."),
    API_PAGE_SIZE("api.pageSize", "1000", "Rows per page when a request gives no limit."),
    API_MAX_PAGE_SIZE("api.maxPageSize", "10000", "Largest limit (rows per page) a request may ask for."),
    API_KEY_CACHE_TTL("api.keyCacheTtl", "30s",
        "How long an API key lookup is cached, and so how long a revoked key may still be accepted."),
    API_REGISTRY_REFRESH("api.registryRefresh", "30s",
        "How often the API reloads the missions, camps and assets it serves."),
    API_PUBLIC_URL("api.publicUrl", "http://localhost:8080",
        "The URL people reach the API and dashboard at: the links in alarm notifications; no webhook may aim at it."),
    ALARMS_RULES_FILE("alarms.rulesFile", "",
        "YAML file of alarm rules (docs/alarms.md); they replace the configuration's rules when analytics starts."),
    ALARMS_EVENT_LOOKBACK("alarms.eventLookback", "1d",
        "Events detected or revised within this time raise alarms (older ones do not when a rule is added)."),
    API_CACHE_MAX_BYTES("api.cache.maxBytes", "67108864",
        "Most bytes of serialised analytics answers the API keeps (with their gzip/deflate forms); 0 turns the "
            + "answer cache, ETags and 304 off."),
    API_CACHE_MAX_AGE("api.cache.maxAge", "30s",
        "How long after the analytics job last wrote an analytics answer is declared valid (Cache-Control max-age): "
            + "set it to analytics.interval.");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final boolean secret;

    ConfigKey(String key, String defaultValue, String description) {
        this(key, defaultValue, description, false);
    }

    ConfigKey(String key, String defaultValue, String description, boolean secret) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Whether the value must never be printed. */
    public boolean secret() {
        return secret;
    }

    /** The environment variable that overrides the key: {@code database.poolSize -> SMARTCAMP_DATABASE_POOL_SIZE}. */
    public String envVar() {
        return "SMARTCAMP_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The key that {@code variable} sets ({@code SMARTCAMP_MQTT_URL -> mqtt.url}), or null. */
    public static ConfigKey byEnvVar(String variable) {
        for (ConfigKey k : values()) {
            if (k.envVar().equals(variable)) {
                return k;
            }
        }
        return null;
    }

    /** The key named {@code key}, or null. */
    public static ConfigKey byKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
