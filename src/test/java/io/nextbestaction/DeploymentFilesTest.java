package io.nextbestaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nextbestaction.regression.SuiteLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the deployment files promise, read as the tools read them: the image holds the playbook and the suites where
 * the service looks for them and does not watch its folder; the Kubernetes manifests probe the real health endpoints,
 * size the pod for the README's JVM options and take every secret from a Secret; compose checks both services'
 * health and keeps PostgreSQL's data in a volume.
 */
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldBuildAnImageHoldingThePlaybookAndTheSuitesWithoutWatching() throws IOException {
        Dockerfile image = Dockerfile.read(Path.of("docker/Dockerfile.jvm"));
        String tables = image.env.get("NBA_DECISION_TABLES_DIR");
        String suites = image.env.get("NBA_REGRESSION_SUITES_DIR");
        assertEquals("decision-tables/", image.sourceOf(tables + "/"), "the playbook is copied where the service reads it");
        assertEquals("regression/", image.sourceOf(suites + "/"), "the suites are copied where the service reads them");
        assertTrue(SuiteLoader.load(Path.of("regression")).size() > 18, "the copied folder holds the shipped suite");
        assertEquals("false", image.env.get("NBA_DECISION_TABLES_WATCH"));
        assertEquals(readmeJvmOptions(), options(image.env.get("JAVA_OPTS_APPEND")));
        assertEquals("2", image.env.get("MALLOC_ARENA_MAX"));

        List<String> sent = Files.readAllLines(Path.of(".dockerignore"));
        for (String source : image.copies.values()) {
            String folder = source.substring(0, source.indexOf('/') + 1);
            assertTrue(sent.contains("!" + folder) || sent.contains("!target/quarkus-app/") && source.startsWith("target/quarkus-app/"),
                    source + " reaches the build through .dockerignore");
        }
    }

    @Test
    void shouldDeployToKubernetesWithProbesResourcesAndSecrets() throws IOException {
        Map<String, JsonNode> byKind = new HashMap<>();
        for (String file : List.of("deployment.yaml", "service.yaml", "autoscaling.yaml")) {
            for (JsonNode document : documents(Path.of("deploy/kubernetes", file))) {
                byKind.put(document.path("kind").asText(), document);
            }
        }
        JsonNode deployment = byKind.get("Deployment");
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals(8080, container.at("/ports/0/containerPort").asInt());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("http", container.at("/readinessProbe/httpGet/port").asText());
        assertEquals("http", container.at("/ports/0/name").asText());
        assertEquals(0, deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt());

        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        assertEquals("false", env.get("NBA_DECISION_TABLES_WATCH").path("value").asText());
        assertEquals(readmeJvmOptions(), options(env.get("JAVA_OPTS_APPEND").path("value").asText()));
        assertEquals("2", env.get("MALLOC_ARENA_MAX").path("value").asText());

        long heap = mebibytes(readmeJvmOptions().stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow().substring(4));
        long codeCache = mebibytes(readmeJvmOptions().stream().filter(o -> o.startsWith("-XX:ReservedCodeCacheSize="))
                .findFirst().orElseThrow().split("=")[1]);
        long request = mebibytes(container.at("/resources/requests/memory").asText());
        long limit = mebibytes(container.at("/resources/limits/memory").asText());
        assertTrue(request >= heap + codeCache, "heap and code cache fit in the memory request");
        assertTrue(limit >= heap + codeCache + 128, "metaspace, threads and buffers fit under the limit");
        assertTrue(container.at("/resources/requests/cpu").isTextual(), "the HPA needs a CPU request");

        Map<String, String> secretKeys = new HashMap<>();
        for (JsonNode secret : documents(Path.of("deploy/kubernetes/secrets.example.yaml"))) {
            secret.path("stringData").fieldNames().forEachRemaining(key -> {
                secretKeys.put(secret.at("/metadata/name").asText() + "/" + key, secret.path("stringData").path(key).asText());
            });
        }
        for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_DATASOURCE_JDBC_URL",
                "NBA_API_KEY", "NBA_SECURITY_BOOTSTRAP_ADMIN_PASSWORD")) {
            JsonNode ref = env.get(name).at("/valueFrom/secretKeyRef");
            assertFalse(env.get(name).has("value"), name + " is not written in the manifest");
            String placeholder = secretKeys.get(ref.path("name").asText() + "/" + ref.path("key").asText());
            assertNotNull(placeholder, name + " reads a secret key the example shows");
            assertTrue(placeholder.contains("<"), "the example holds a placeholder, not a secret: " + placeholder);
        }
        env.forEach((name, e) -> assertFalse(name.contains("PASSWORD") && e.has("value"), name));

        JsonNode autoscaler = byKind.get("HorizontalPodAutoscaler");
        assertEquals(deployment.at("/metadata/name"), autoscaler.at("/spec/scaleTargetRef/name"));
        assertTrue(autoscaler.at("/spec/minReplicas").asInt() >= 2);
        assertEquals(labels, byKind.get("PodDisruptionBudget").at("/spec/selector/matchLabels"));
        assertEquals(1, byKind.get("PodDisruptionBudget").at("/spec/minAvailable").asInt());
        assertEquals(labels, byKind.get("Service").at("/spec/selector"));
        assertEquals(List.of("deployment.yaml", "service.yaml", "autoscaling.yaml"),
                YAML.convertValue(YAML.readTree(Path.of("deploy/kubernetes/kustomization.yaml").toFile()).path("resources"), List.class));
    }

    @Test
    void shouldComposeAHealthyServiceAndDatabaseWithAnAnalyst() throws IOException {
        JsonNode compose = YAML.readTree(Path.of("docker/docker-compose.yml").toFile());
        JsonNode postgres = compose.at("/services/postgres");
        JsonNode service = compose.at("/services/nba");
        assertTrue(postgres.path("healthcheck").path("test").toString().contains("pg_isready"));
        assertTrue(service.path("healthcheck").path("test").toString().contains("/q/health/ready"));
        assertEquals("service_healthy", service.at("/depends_on/postgres/condition").asText());
        String volume = postgres.path("volumes").get(0).asText();
        assertEquals("/var/lib/postgresql/data", volume.substring(volume.indexOf(':') + 1));
        assertTrue(compose.path("volumes").has(volume.substring(0, volume.indexOf(':'))), "a named volume");
        assertEquals("false", service.at("/environment/NBA_DECISION_TABLES_WATCH").asText());
        assertEquals("analyst", service.at("/environment/QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_ANALYST").asText());
        assertEquals("admin", service.at("/environment/NBA_SECURITY_BOOTSTRAP_ADMIN").asText());
        assertEquals("docker/Dockerfile.jvm", service.at("/build/dockerfile").asText());
    }

    /** The -X options of the README's production-style run. */
    static List<String> readmeJvmOptions() throws IOException {
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        Matcher run = Pattern.compile("MALLOC_ARENA_MAX=2 java (.*?) -jar target/quarkus-app/quarkus-run.jar").matcher(readme);
        assertTrue(run.find(), "the README gives the production options");
        return options(run.group(1));
    }

    private static List<String> options(String line) {
        return Arrays.stream(line.trim().split("\\s+")).toList();
    }

    private static long mebibytes(String size) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi|m|g)").matcher(size);
        assertTrue(m.matches(), size);
        long n = Long.parseLong(m.group(1));
        return m.group(2).toLowerCase().startsWith("g") ? n * 1024 : n;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            values.forEachRemaining(documents::add);
        }
        return documents;
    }

    /** A Dockerfile's COPY instructions (destination to source) and ENV variables, continuation lines joined. */
    record Dockerfile(Map<String, String> copies, Map<String, String> env) {

        static Dockerfile read(Path file) throws IOException {
            Map<String, String> copies = new LinkedHashMap<>();
            Map<String, String> env = new LinkedHashMap<>();
            String text = Files.readString(file).replaceAll("\\\\\\n\\s*", " ");
            for (String line : text.split("\n")) {
                String[] words = line.trim().split("\\s+");
                if (words[0].equals("COPY")) {
                    List<String> args = Arrays.stream(words).skip(1).filter(w -> !w.startsWith("--")).toList();
                    copies.put(args.get(args.size() - 1), args.get(0));
                } else if (words[0].equals("ENV")) {
                    Matcher m = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(line);
                    while (m.find()) {
                        env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                    }
                }
            }
            return new Dockerfile(copies, env);
        }

        String sourceOf(String destination) {
            return copies.get(destination);
        }
    }
}
