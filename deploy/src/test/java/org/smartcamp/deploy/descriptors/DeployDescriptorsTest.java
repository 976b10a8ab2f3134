package org.smartcamp.deploy.descriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.deploy.descriptors.Descriptors.compose;
import static org.smartcamp.deploy.descriptors.Descriptors.k8s;
import static org.smartcamp.deploy.descriptors.Descriptors.list;
import static org.smartcamp.deploy.descriptors.Descriptors.map;
import static org.smartcamp.deploy.descriptors.Descriptors.strings;
import static org.smartcamp.deploy.descriptors.Descriptors.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.ProjectFiles;

/**
 * The deployment descriptors (deploy/compose, deploy/k8s, deploy/mosquitto) agree with the code: they parse, every
 * SMARTCAMP_* variable is a configuration key, every launcher command exists, every port that is exposed, probed or
 * scraped is the one the process listens on, images are pinned, and the dashboard and alerts read metrics that the
 * processes export. No Docker or Kubernetes runs here, so this is what keeps the descriptors from drifting.
 */
class DeployDescriptorsTest {
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?([-?])([^}]*))?}");
    private static final Pattern SMARTCAMP_VAR = Pattern.compile("\\bSMARTCAMP_[A-Z0-9_]+\\b");
    private final KnownConfig known = new KnownConfig();

    @Test
    void everyYamlAndJsonFileUnderDeployParses() {
        List<Path> yamlFiles = Descriptors.files(".yaml", ".yml");
        List<Path> jsonFiles = Descriptors.files(".json");
        assertThat(yamlFiles).as("YAML descriptors").contains(compose().resolve("compose.yaml"),
            compose().resolve("prometheus/prometheus.yml"), Descriptors.k8s().resolve("kustomization.yaml"));
        assertThat(jsonFiles).as("JSON descriptors").contains(compose().resolve("grafana/dashboards/smartcamp.json"));
        yamlFiles.forEach(f -> assertThat(Descriptors.yamlDocuments(f)).as("documents in %s", f).isNotEmpty());
        jsonFiles.forEach(f -> assertThat(Descriptors.json(f).isObject()).as("%s is a JSON object", f).isTrue());
    }

    @Test
    void composeSetsOnlyRealConfigurationKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        ComposeServices services = ComposeServices.load();
        services.all().forEach((name, service) -> used.addAll(service.env().keySet()));
        Matcher m = SMARTCAMP_VAR.matcher(Files.readString(compose().resolve("compose.yaml"))
            + Files.readString(compose().resolve(".env.example")));
        while (m.find()) {
            used.add(m.group());
        }
        assertThat(used).as("SMARTCAMP_* variables in deploy/compose").isNotEmpty();
        assertThat(used.stream().filter(v -> v.startsWith("SMARTCAMP_")).filter(v -> !known.isRead(v)).toList())
            .as("SMARTCAMP_* variables the launcher does not read (docs/configuration.md)").isEmpty();
    }

    @Test
    void everyVariableComposeRequiresIsInTheEnvExampleWithAPlaceholderOnly() throws IOException {
        String composeText = Files.readString(compose().resolve("compose.yaml"));
        Map<String, String> example = envFile(compose().resolve(".env.example"));
        Matcher m = INTERPOLATION.matcher(composeText);
        Set<String> referenced = new TreeSet<>();
        while (m.find()) {
            referenced.add(m.group(1));
            if ("?".equals(m.group(2))) {
                assertThat(example).as(".env.example names required variable %s", m.group(1)).containsKey(m.group(1));
            }
        }
        assertThat(referenced).as("variables compose.yaml reads").containsAll(example.keySet());
        example.forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(value).as("%s in .env.example is a placeholder, not a secret", name).startsWith("<");
            }
        });
    }

    @Test
    void composeRunsOnlyLauncherCommandsThatExist() {
        List<String> seen = new ArrayList<>();
        ComposeServices.load().smartcamp().forEach((name, service) -> {
            known.checkCommandLine(service.command());
            seen.add(service.command().get(0));
        });
        assertThat(seen).as("SmartCamp services in compose").contains("migrate", "ingest", "analytics", "api");
    }

    @Test
    void theDeployAndOperationsDocsShowOnlyLauncherCommandLinesThatParse() throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (String doc : List.of("docs/deploy.md", "docs/operations.md")) {
            lines.addAll(LauncherLines.inCodeBlocks(Files.readString(Descriptors.deploy().resolveSibling(doc))));
        }
        lines.forEach(known::checkCommandLine);
        assertThat(lines.stream().map(l -> l.get(0)).toList()).as("launcher commands shown in the docs")
            .contains("migrate", "ingest", "analytics", "api", "inventory", "broker-users");
    }

    @Test
    void composeHealthchecksAndExposedPortsAreThePortsTheProcessesListenOn() {
        ComposeServices.load().smartcamp().forEach((name, service) -> {
            Roles.Role role = Roles.of(service.command().get(0));
            Set<Integer> listening = role.ports(known, service.env());
            for (int port : service.containerPorts()) {
                assertThat(listening).as("%s exposes %d", name, port).contains(port);
                assertThat(role.hostOf(known, service.env(), port)).as("%s listens on port %d on", name, port)
                    .isNotIn("127.0.0.1", "localhost");
            }
            if (role.healthPort(known, service.env()) > 0) {
                String check = String.join(" ", strings(map(service.raw().get("healthcheck"), name).get("test"), name));
                assertThat(check).as("%s healthcheck", name)
                    .contains("http://127.0.0.1:" + role.healthPort(known, service.env()) + "/health/ready");
            }
        });
    }

    @Test
    void prometheusScrapesEveryProcessOnItsMetricsPort() {
        ComposeServices services = ComposeServices.load();
        Map<String, String> scraped = new LinkedHashMap<>();
        for (Object job : list(yaml(compose().resolve("prometheus/prometheus.yml")).get("scrape_configs"), "jobs")) {
            Map<String, Object> j = map(job, "scrape job");
            assertThat(j.getOrDefault("metrics_path", "/metrics")).as("metrics path").isEqualTo("/metrics");
            for (Object sc : list(j.get("static_configs"), "static_configs")) {
                for (String target : strings(map(sc, "static config").get("targets"), "targets")) {
                    String host = target.substring(0, target.indexOf(':'));
                    int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
                    ComposeServices.Service service = services.smartcamp().get(host);
                    assertThat(service).as("compose service of Prometheus target %s", target).isNotNull();
                    Roles.Role role = Roles.of(service.command().get(0));
                    assertThat(port).as("metrics port of %s", host).isEqualTo(role.healthPort(known, service.env()));
                    assertThat(service.containerPorts()).as("%s exposes its metrics port", host).contains(port);
                    scraped.put(host, target);
                }
            }
        }
        services.smartcamp().forEach((name, service) -> {
            if (Roles.of(service.command().get(0)).healthPort(known, service.env()) > 0) {
                assertThat(scraped).as("Prometheus scrapes %s", name).containsKey(name);
            }
        });
    }

    @Test
    void prometheusSendsItsAlertsToTheAlertmanagerWhichRoutesEachToAReceiver() {
        ComposeServices services = ComposeServices.load();
        Map<String, Object> prometheus = yaml(compose().resolve("prometheus/prometheus.yml"));
        List<String> targets = new ArrayList<>();
        for (Object am : list(map(prometheus.get("alerting"), "alerting").get("alertmanagers"), "alertmanagers")) {
            for (Object sc : list(map(am, "alertmanager").get("static_configs"), "static_configs")) {
                targets.addAll(strings(map(sc, "static config").get("targets"), "targets"));
            }
        }
        assertThat(targets).as("Prometheus' Alertmanagers").containsExactly("alertmanager:9093");
        ComposeServices.Service alertmanager = services.all().get("alertmanager");
        assertThat(alertmanager).as("the alertmanager service").isNotNull();
        assertThat(strings(alertmanager.raw().get("volumes"), "volumes"))
            .contains("./alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat(String.join(" ", strings(alertmanager.raw().get("command"), "command")))
            .contains("--config.file=/etc/alertmanager/alertmanager.yml");
        Map<String, Object> config = yaml(compose().resolve("alertmanager/alertmanager.yml"));
        Set<String> receivers = new TreeSet<>();
        for (Object r : list(config.get("receivers"), "receivers")) {
            Map<String, Object> receiver = map(r, "receiver");
            assertThat(list(receiver.get("webhook_configs"), "webhook_configs")).as("receiver %s", receiver)
                .isNotEmpty();
            receivers.add(String.valueOf(receiver.get("name")));
        }
        Map<String, Object> route = map(config.get("route"), "route");
        assertThat(receivers).as("receivers").contains(String.valueOf(route.get("receiver")));
        for (Object sub : list(route.get("routes"), "routes")) {
            assertThat(receivers).contains(String.valueOf(map(sub, "route").get("receiver")));
        }
    }

    @Test
    void composeReachesTheBrokerAndDatabaseWhereTheyListen() throws IOException {
        ComposeServices services = ComposeServices.load();
        Set<Integer> listeners = Mosquitto.listeners(Descriptors.deploy().resolve("mosquitto/mosquitto.conf"));
        Set<Integer> tlsListeners = Mosquitto.listeners(Descriptors.deploy().resolve("mosquitto/tls.conf"));
        assertThat(tlsListeners).as("TLS listener").containsExactly(8883);
        assertThat(services.all().get("mosquitto").containerPorts()).as("published broker ports")
            .isSubsetOf(listeners);
        ComposeServices tls = ComposeServices.load("compose.tls.yaml");
        assertThat(tls.all().get("mosquitto").containerPorts()).as("TLS override ports").isSubsetOf(tlsListeners);
        services.smartcamp().forEach((name, service) -> {
            String db = known.value(service.env(), "SMARTCAMP_DATABASE_URL");
            assertThat(db).as("%s database", name).isEqualTo("jdbc:postgresql://timescaledb:5432/smartcamp");
            if ("ingest".equals(service.command().get(0))) {
                String url = known.value(service.env(), "SMARTCAMP_MQTT_URL");
                assertThat(url).as("%s broker", name).startsWith("tcp://mosquitto:");
                assertThat(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1))).as("%s broker port", name)
                    .isIn(listeners).isNotIn(services.all().get("mosquitto").containerPorts());
                assertThat(known.value(service.env(), "SMARTCAMP_MQTT_USERNAME")).as("ingest user in the ACL")
                    .isIn(Mosquitto.aclUsers(Descriptors.deploy().resolve("mosquitto/acl")));
            }
        });
    }

    @Test
    void theBrokerContainerHasEveryFileItsConfigurationNames() throws IOException {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (String file : List.of("compose.yaml", "compose.tls.yaml")) {
            Map<String, Object> broker = ComposeServices.load(file).all().get("mosquitto").raw();
            for (String v : strings(broker.get("volumes"), "volumes")) {
                String[] parts = v.split(":");
                mounts.put(parts[1], parts[0]);
            }
        }
        Set<String> named = new TreeSet<>();
        for (String conf : List.of("mosquitto.conf", "tls.conf")) {
            named.addAll(Mosquitto.files(Descriptors.deploy().resolve("mosquitto").resolve(conf)));
        }
        assertThat(named).as("files the broker configuration names").contains("/mosquitto/config/passwd",
            "/mosquitto/certs/broker.key");
        for (String path : named) {
            assertThat(mounts.keySet()).as("a mount provides %s", path).anyMatch(m -> path.equals(m)
                || path.startsWith(m + "/"));
        }
        assertThat(mounts).as("the shipped configuration is what the broker reads")
            .containsEntry("/mosquitto/config/mosquitto.conf", "../mosquitto/mosquitto.conf")
            .containsEntry("/mosquitto/config/tls.conf", "../mosquitto/tls.conf");
        assertThat(String.join(" ", strings(ComposeServices.load("compose.tls.yaml").all().get("mosquitto").raw()
            .get("command"), "command"))).as("the TLS override appends tls.conf")
            .contains("cat /mosquitto/config/mosquitto.conf /mosquitto/config/tls.conf");
    }

    @Test
    void noSecretValueIsWrittenInADescriptor() {
        ComposeServices.load().all().forEach((name, service) -> service.env().forEach((var, value) -> {
            if (known.isSecret(var)) {
                assertThat(value).as("%s's %s comes from .env", name, var).matches("\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}");
            }
        }));
        K8sManifests k8s = K8sManifests.load();
        assertThat(k8s.configMap("smartcamp-config").keySet()).as("ConfigMap keys").noneMatch(known::isSecret);
        assertThat(k8s.ofKind("Secret")).as("Secrets applied from the repository").isEmpty();
        for (Map<String, Object> w : k8s.workloads()) {
            for (Map<String, Object> c : K8sManifests.containers(w)) {
                list(c.get("env"), "env").stream().map(e -> map(e, "env entry"))
                    .filter(e -> known.isSecret(String.valueOf(e.get("name"))))
                    .forEach(e -> assertThat(e).as("%s in %s", e.get("name"), c.get("name"))
                        .doesNotContainKey("value"));
            }
        }
        map(secretExample().get("stringData"), "stringData").forEach((k, v) -> assertThat(String.valueOf(v))
            .as("%s in secret.example.yaml is a placeholder", k).startsWith("<").endsWith(">"));
    }

    @Test
    void composeKubernetesAndTheEnvExampleRunTheImageOfTheProjectsVersion() throws IOException {
        Matcher m = Pattern.compile("(?m)^  <version>([^<]+)</version>")
            .matcher(Files.readString(ProjectFiles.root().resolve("pom.xml")));
        assertThat(m.find()).as("the root pom's version").isTrue();
        String release = m.group(1).replace("-SNAPSHOT", "");
        String image = String.valueOf(ComposeServices.load().all().get("ingest").raw().get("image"));
        assertThat(image).as("compose's image (docs/release.md: a version is cut in every descriptor at once)")
            .isEqualTo("smartcamp:${IMAGE_TAG:-" + release + "}");
        assertThat(Files.readAllLines(compose().resolve(".env.example"))).contains("IMAGE_TAG=" + release);
        assertThat(Files.readString(k8s().resolve("kustomization.yaml")))
            .containsPattern("(?m)^\\s+- name: smartcamp\\s+newTag: " + Pattern.quote(release) + "$");
    }

    @Test
    void theImageIsTheProductionBuildWithItsBillOfMaterials() throws IOException {
        String dockerfile = Files.readString(compose().resolve("Dockerfile"));
        assertThat(dockerfile).as("the image leaves the demo broker out (docs/release.md)")
            .contains("mvn -B -Dsmartcamp.production -DskipTests package")
            .contains("smartcamp-sbom.json").contains("THIRD-PARTY.txt");
    }

    @Test
    void everyImageIsPinned() throws IOException {
        List<String> images = new ArrayList<>();
        ComposeServices.load().all().forEach((name, s) -> images.add(String.valueOf(s.raw().get("image"))));
        for (String line : Files.readAllLines(compose().resolve("Dockerfile"))) {
            if (line.startsWith("FROM ")) {
                images.add(line.split("\\s+")[1]);
            }
        }
        images.addAll(K8sManifests.load().images());
        assertThat(images).as("images").hasSizeGreaterThan(5);
        for (String image : images) {
            String resolved = INTERPOLATION.matcher(image).replaceAll(r -> "-".equals(r.group(2)) ? r.group(3) : "");
            String tag = resolved.contains(":") ? resolved.substring(resolved.lastIndexOf(':') + 1) : "";
            assertThat(tag).as("tag of image %s", image).isNotBlank().isNotEqualTo("latest").doesNotContain("/");
        }
    }

    @Test
    void dashboardAndAlertsReadMetricsTheProcessesExport() {
        Set<String> exported = ExportedMetrics.names();
        exported.add("up");
        assertThat(exported).as("exported names (sanity)").contains("smartcamp_ingest_readings_stored_total",
            "smartcamp_ingest_batch_latency_seconds", "smartcamp_api_requests_seconds_bucket");
        List<String> queries = new ArrayList<>();
        JsonNode dashboard = Descriptors.json(compose().resolve("grafana/dashboards/smartcamp.json"));
        dashboard.findValues("expr").forEach(e -> queries.add(e.asText()));
        Set<String> dashboardNames = new TreeSet<>();
        queries.forEach(q -> dashboardNames.addAll(ExportedMetrics.namesIn(q)));
        assertThat(dashboardNames).as("the dashboard shows ingest rate, batch latency, dead letters, analytics passes "
            + "and API latency").contains("smartcamp_ingest_readings_stored_total",
            "smartcamp_ingest_batch_latency_seconds", "smartcamp_ingest_deadletters_total",
            "smartcamp_analytics_passes_seconds_sum", "smartcamp_api_requests_seconds_bucket");
        for (Object group : list(yaml(compose().resolve("prometheus/alerts.yml")).get("groups"), "groups")) {
            for (Object rule : list(map(group, "group").get("rules"), "rules")) {
                queries.add(String.valueOf(map(rule, "rule").get("expr")));
            }
        }
        for (String q : queries) {
            assertThat(ExportedMetrics.namesIn(q)).as("metrics in query %s", q).isNotEmpty().isSubsetOf(exported);
        }
    }

    @Test
    void grafanaIsProvisionedWithTheDatasourceTheDashboardUses() {
        Path provisioning = compose().resolve("grafana/provisioning");
        Map<String, Object> ds = map(list(yaml(provisioning.resolve("datasources/prometheus.yaml"))
            .get("datasources"), "datasources").get(0), "datasource");
        assertThat(ds.get("url")).as("datasource URL").isEqualTo("http://prometheus:9090");
        JsonNode dashboard = Descriptors.json(compose().resolve("grafana/dashboards/smartcamp.json"));
        dashboard.findValues("datasource").forEach(d -> assertThat(d.path("uid").asText()).as("datasource uid")
            .isEqualTo(ds.get("uid")));
        Map<String, Object> provider = map(list(yaml(provisioning.resolve("dashboards/smartcamp.yaml"))
            .get("providers"), "providers").get(0), "provider");
        String path = String.valueOf(map(provider.get("options"), "options").get("path"));
        assertThat(strings(ComposeServices.load().all().get("grafana").raw().get("volumes"), "volumes"))
            .as("grafana mounts the dashboards where the provider reads them")
            .contains("./grafana/dashboards:" + path + ":ro");
    }

    @Test
    void kustomizationListsEveryManifestAndNoExample() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (var files = Files.list(Descriptors.k8s())) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                .filter(f -> !f.equals("kustomization.yaml") && !f.endsWith(".example.yaml")).forEach(onDisk::add);
        }
        assertThat(new TreeSet<>(K8sManifests.load().resources())).as("kustomization resources").isEqualTo(onDisk);
    }

    @Test
    void kubernetesSetsOnlyRealConfigurationKeys() {
        K8sManifests k8s = K8sManifests.load();
        Set<String> used = new TreeSet<>(k8s.configMap("smartcamp-config").keySet());
        used.addAll(map(secretExample().get("stringData"), "stringData").keySet());
        for (Map<String, Object> w : k8s.workloads()) {
            for (Map<String, Object> c : K8sManifests.containers(w)) {
                used.addAll(k8s.environment(c, secretExample()).keySet());
            }
        }
        assertThat(used).as("variables in deploy/k8s").contains("SMARTCAMP_DATABASE_URL", "SMARTCAMP_MQTT_PASSWORD");
        assertThat(used.stream().filter(v -> !v.equals("JAVA_TOOL_OPTIONS")).filter(v -> !known.isRead(v)).toList())
            .as("variables in deploy/k8s the launcher does not read (docs/configuration.md)").isEmpty();
    }

    @Test
    void kubernetesRunsOnlyLauncherCommandsThatExist() {
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> w : K8sManifests.load().workloads()) {
            for (Map<String, Object> c : K8sManifests.containers(w)) {
                assertThat(c).as("%s uses the image's entrypoint (the launcher)", c.get("name"))
                    .doesNotContainKey("command");
                List<String> args = strings(c.get("args"), "args");
                known.checkCommandLine(args);
                seen.add(args.get(0));
            }
        }
        assertThat(seen).as("SmartCamp processes in deploy/k8s").contains("ingest", "analytics", "api");
    }

    @Test
    void kubernetesProbesPortsAndScrapeAnnotationsAreThePortsTheProcessesListenOn() {
        K8sManifests k8s = K8sManifests.load();
        for (Map<String, Object> w : k8s.workloads()) {
            for (Map<String, Object> c : K8sManifests.containers(w)) {
                String what = K8sManifests.name(w);
                Map<String, String> env = k8s.environment(c, secretExample());
                Roles.Role role = Roles.of(strings(c.get("args"), "args").get(0));
                for (Object p : list(c.get("ports"), "ports")) {
                    int port = (Integer) map(p, "port").get("containerPort");
                    assertThat(role.ports(known, env)).as("%s declares container port %d", what, port).contains(port);
                    assertThat(role.hostOf(known, env, port)).as("%s binds %d to", what, port)
                        .isNotIn("127.0.0.1", "localhost");
                }
                int health = role.healthPort(known, env);
                assertThat(probe(c, "livenessProbe", "/health/live")).as("%s liveness port", what).isEqualTo(health);
                assertThat(probe(c, "readinessProbe", "/health/ready")).as("%s readiness port", what).isEqualTo(health);
                Map<String, Object> annotations = map(map(K8sManifests.podTemplate(w).get("metadata"), what)
                    .get("annotations"), what + " annotations");
                assertThat(annotations.get("prometheus.io/port")).as("%s scrape port", what)
                    .isEqualTo(String.valueOf(health));
            }
        }
    }

    @Test
    void servicesAndBudgetsSelectPodsAndTargetTheirPorts() {
        K8sManifests k8s = K8sManifests.load();
        List<Map<String, Object>> selecting = new ArrayList<>(k8s.ofKind("Service"));
        selecting.addAll(k8s.ofKind("PodDisruptionBudget"));
        for (Map<String, Object> s : selecting) {
            Map<String, Object> spec = map(s.get("spec"), K8sManifests.name(s));
            Map<String, Object> selector = spec.containsKey("selector") && "Service".equals(s.get("kind"))
                ? map(spec.get("selector"), "selector") : map(map(spec.get("selector"), "sel").get("matchLabels"), "m");
            Map<String, Object> workload = k8s.workloads().stream()
                .filter(w -> K8sManifests.podLabels(w).entrySet().containsAll(stringMap(selector).entrySet()))
                .findFirst().orElseThrow(() -> new AssertionError(K8sManifests.name(s) + " selects no pods"));
            for (Object p : list(spec.get("ports"), "ports")) {
                Object target = map(p, "port").getOrDefault("targetPort", map(p, "port").get("port"));
                Map<String, Object> container = K8sManifests.containers(workload).get(0);
                int port = K8sManifests.resolvePort(container, target);
                assertThat(Roles.of(strings(container.get("args"), "args").get(0))
                    .ports(known, k8s.environment(container, secretExample())))
                    .as("%s targets port %s", K8sManifests.name(s), target).contains(port);
            }
        }
    }

    @Test
    void ingestIsAStatefulSetOfReplicasSharingOneSubscriptionWithBoundedHeap() {
        K8sManifests k8s = K8sManifests.load();
        Map<String, Object> ingest = workloadRunning(k8s, "ingest");
        assertThat(ingest.get("kind")).as("ingest kind").isEqualTo("StatefulSet");
        assertThat((Integer) map(ingest.get("spec"), "spec").get("replicas")).as("ingest replicas").isGreaterThan(1);
        Map<String, Object> container = K8sManifests.containers(ingest).get(0);
        Map<String, Object> clientId = envEntry(container, "SMARTCAMP_MQTT_CLIENT_ID");
        assertThat(map(map(clientId.get("valueFrom"), "valueFrom").get("fieldRef"), "fieldRef").get("fieldPath"))
            .as("client id from the pod name").isEqualTo("metadata.name");
        assertThat(known.value(k8s.environment(container, secretExample()), "SMARTCAMP_MQTT_SHARED_GROUP"))
            .as("shared subscription group").isNotBlank();
        long heap = heapBytes(k8s.environment(container, secretExample()).get("JAVA_TOOL_OPTIONS"));
        assertThat(heap).as("ingest -Xmx").isPositive().isLessThanOrEqualTo(512L << 20);
        Map<String, Object> limits = map(map(container.get("resources"), "resources").get("limits"), "limits");
        assertThat(memoryBytes(String.valueOf(limits.get("memory")))).as("memory limit above the heap")
            .isGreaterThan(heap);
        assertThat((Integer) K8sManifests.podSpec(ingest).get("terminationGracePeriodSeconds"))
            .as("grace period above the ingest's 20 s drain").isGreaterThan(20);
        Map<String, Object> analytics = workloadRunning(k8s, "analytics");
        assertThat(map(analytics.get("spec"), "spec").get("replicas")).as("analytics replicas").isEqualTo(1);
        assertThat(map(map(analytics.get("spec"), "spec").get("strategy"), "strategy").get("type"))
            .as("analytics never runs twice during a rollout").isEqualTo("Recreate");
    }

    @Test
    void everyPodRunsAsNonRootOnAReadOnlyRootWithRequestsAndLimits() {
        for (Map<String, Object> w : K8sManifests.load().workloads()) {
            Map<String, Object> pod = map(K8sManifests.podSpec(w).get("securityContext"), "pod securityContext");
            assertThat(pod.get("runAsNonRoot")).as("%s runAsNonRoot", K8sManifests.name(w)).isEqualTo(true);
            for (Map<String, Object> c : K8sManifests.containers(w)) {
                Map<String, Object> sc = map(c.get("securityContext"), "securityContext");
                assertThat(sc.get("readOnlyRootFilesystem")).as("%s read-only root", c.get("name")).isEqualTo(true);
                assertThat(sc.get("allowPrivilegeEscalation")).as("%s escalation", c.get("name")).isEqualTo(false);
                Map<String, Object> resources = map(c.get("resources"), "resources");
                for (String kind : List.of("requests", "limits")) {
                    assertThat(map(resources.get(kind), kind)).as("%s %s", c.get("name"), kind)
                        .containsKeys("cpu", "memory");
                }
            }
        }
    }

    private static int probe(Map<String, Object> container, String probe, String path) {
        Map<String, Object> get = map(map(container.get(probe), probe).get("httpGet"), probe + " httpGet");
        assertThat(get.get("path")).as("%s path", probe).isEqualTo(path);
        return K8sManifests.resolvePort(container, get.get("port"));
    }

    private static Map<String, Object> workloadRunning(K8sManifests k8s, String command) {
        return k8s.workloads().stream()
            .filter(w -> strings(K8sManifests.containers(w).get(0).get("args"), "args").get(0).equals(command))
            .findFirst().orElseThrow(() -> new AssertionError("no workload runs " + command));
    }

    private static Map<String, Object> envEntry(Map<String, Object> container, String name) {
        return list(container.get("env"), "env").stream().map(e -> map(e, "env entry"))
            .filter(e -> name.equals(e.get("name"))).findFirst()
            .orElseThrow(() -> new AssertionError("no env entry " + name));
    }

    private static long heapBytes(String javaOptions) {
        Matcher m = Pattern.compile("-Xmx(\\d+)([kKmMgG])").matcher(String.valueOf(javaOptions));
        assertThat(m.find()).as("-Xmx in %s", javaOptions).isTrue();
        return Long.parseLong(m.group(1)) << switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            default -> 30;
        };
    }

    private static long memoryBytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as("memory quantity %s", quantity).isTrue();
        return Long.parseLong(m.group(1)) << switch (m.group(2)) {
            case "Ki" -> 10;
            case "Mi" -> 20;
            default -> 30;
        };
    }

    private static Map<String, Object> secretExample() {
        return yaml(Descriptors.k8s().resolve("secret.example.yaml"));
    }

    private static Map<String, String> stringMap(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return env;
    }
}
