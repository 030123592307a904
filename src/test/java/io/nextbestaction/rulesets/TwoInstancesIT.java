package io.nextbestaction.rulesets;

import io.nextbestaction.decide.Arm;
import io.nextbestaction.decide.Holdout;
import io.nextbestaction.rules.RuleFile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged service on one database serve the same version; activating on one switches both, and
 * an experiment started or stopped on one splits the decisions of both.
 */
class TwoInstancesIT {

    /** The test database as the other tests are given it, whatever schema its URL names: the setting wins. */
    private static final String DB = System.getProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test");
    /** A call that gets no answer fails the test instead of hanging the build. */
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5000).setParam("http.socket.timeout", 30000));
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        portA = freePort();
        do {
            portB = freePort();
        } while (portB == portA);
        INSTANCES.add(start(portA, true));
        awaitReady(portA, INSTANCES.get(0));
        INSTANCES.add(start(portB, false));
        awaitReady(portB, INSTANCES.get(1));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process instance : INSTANCES) {
            instance.destroy();
            if (!instance.waitFor(30, TimeUnit.SECONDS)) {
                instance.destroyForcibly();
            }
        }
    }

    private static Process start(int port, boolean cleanDatabase) throws IOException {
        List<String> command = List.of(javaBin(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + DB,
                "-Dnba.database.schema=nba_two_instances",
                "-Dquarkus.flyway.clean-disabled=false",
                "-Dquarkus.flyway.clean-at-start=" + cleanDatabase,
                "-Dnba.decision-tables.watch=false",
                "-Dnba.rulesets.compiler-warm-up=2s",
                "-Dnba.rulesets.instance-name=instance-" + port,
                "-Dquarkus.security.users.embedded.users.analyst=analyst-it-password",
                "-Dquarkus.security.users.embedded.roles.analyst=analyst",
                "-jar", System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar"));
        File log = new File("target", "two-instances-" + port + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(int port, Process instance) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(end) && instance.isAlive()) {
            try {
                if (RestAssured.given().config(TIMEOUTS).port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance on port " + port + (instance.isAlive() ? " did not become ready" : " stopped") + "; see target/two-instances-" + port + ".log");
    }

    private static RequestSpecification on(int port) {
        return RestAssured.given().config(TIMEOUTS).port(port).auth().preemptive().basic("analyst", "analyst-it-password");
    }

    private static int activeOn(int port) {
        return on(port).get("/rulesets/active").then().statusCode(200).extract().path("version");
    }

    @Test
    void shouldSwitchTheOtherInstanceWithinTwoSeconds() throws Exception {
        assertEquals(1, activeOn(portA));
        assertEquals(1, activeOn(portB));

        RuleFile stricter = RuleSetLifecycleTest.annualSwitchPropensity(0.5);
        int version = on(portA).multiPart("file", stricter.name(), stricter.content(), "application/octet-stream")
                .post("/rulesets").then().statusCode(201).extract().path("version");

        // Every instance compiles a new valid version ahead of its activation; give B the time an analyst takes.
        Thread.sleep(15000);
        activateOnAAndAwaitB(version);
        String rulesetOnB = RestAssured.given().config(TIMEOUTS).port(portB).contentType(ContentType.JSON)
                .body("{\"account\": {\"id\": \"two-instances\", \"seats\": {\"used\": 9, \"limit\": 10}}, \"holdoutPercent\": 0}")
                .post("/decide").then().statusCode(200).extract().path("rulesetVersion");
        assertTrue(rulesetOnB.startsWith("v" + version + " "), rulesetOnB);
        awaitBothReportServing(version);

        activateOnAAndAwaitB(1);
        awaitBothReportServing(1);
    }

    @Test
    void shouldSplitTheDecisionsOfTheOtherInstanceByAnExperimentStartedOnOne() throws Exception {
        RuleFile challenger = RuleSetLifecycleTest.annualSwitchPropensity(0.4);
        int version = on(portA).multiPart("file", challenger.name(), challenger.content(), "application/octet-stream")
                .post("/rulesets").then().statusCode(201).extract().path("version");
        String key = "two-instances-" + System.nanoTime();
        int id = on(portA).contentType(ContentType.JSON)
                .body("{\"challengerVersion\": " + version + ", \"sharePercent\": 50, \"key\": \"" + key + "\"}")
                .post("/experiments").then().statusCode(201).extract().path("id");
        String account = key;
        for (int i = 0; Holdout.isHeldOut(account, Holdout.DEFAULT_EXPERIMENT, 10) || Arm.of(account, key, 50) != Arm.CHALLENGER; i++) {
            account = key + "-" + i;
        }
        try {
            // B compiles the challenger when it first sees the experiment, unless it compiled it ahead as the newest version.
            String decided = awaitOnB(account, "\"arm\":\"CHALLENGER\"", Duration.ofSeconds(30));
            assertTrue(decided.contains("\"rulesetVersion\":\"v" + version + " "), decided);
        } finally {
            on(portA).post("/experiments/" + id + "/stop").then().statusCode(200);
        }
        assertTrue(!awaitOnB(account, "\"rulesetVersion\":\"v1 ", Duration.ofSeconds(2)).contains("\"experiment\""));
    }

    /** Decides for the account on B until the answer holds the text, within the time; the last answer. */
    private static String awaitOnB(String account, String text, Duration within) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        String body;
        do {
            body = RestAssured.given().port(portB).contentType(ContentType.JSON)
                    .body("{\"account\": {\"id\": \"" + account + "\"}}").post("/decide").then().statusCode(200).extract().asString();
            if (body.contains(text)) {
                return body;
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(end));
        throw new AssertionError("instance B did not answer " + text + " within " + within + ": " + body);
    }

    @Test
    void shouldWarmUpTheRuleCompilerOnTheServingVersionAfterStart() throws Exception {
        Path log = Path.of("target", "two-instances-" + portB + ".log");
        Instant end = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(end) && !Files.readString(log).contains("Rule compiler warmed up")) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(log).matches("(?s).*Rule compiler warmed up: [1-9]\\d* compiles of version \\d+ in \\d+ ms.*"),
                "no warm-up in " + log);
    }

    /** Each instance's heartbeat says, within a few beats, that it serves the version; either instance lists both. */
    private static void awaitBothReportServing(int version) throws InterruptedException {
        String both = "instances.findAll { it.instanceId in ['instance-%d', 'instance-%d'] && it.servingVersion == %d }.size()"
                .formatted(portA, portB, version);
        Instant end = Instant.now().plusSeconds(5);
        while (on(portB).get("/rulesets/instances").then().extract().<Integer>path(both) != 2 && Instant.now().isBefore(end)) {
            Thread.sleep(100);
        }
        assertEquals(2, on(portB).get("/rulesets/instances").then().statusCode(200).extract().<Integer>path(both),
                "both instances report serving v" + version);
    }

    /** Activates on A, then measures from A's answer (the activation is in force) until B serves the version. */
    private static void activateOnAAndAwaitB(int version) throws InterruptedException {
        on(portA).post("/rulesets/" + version + "/activate").then().statusCode(200);
        Instant activated = Instant.now();
        while (activeOn(portB) != version && Duration.between(activated, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0) {
            Thread.sleep(50);
        }
        Duration took = Duration.between(activated, Instant.now());
        System.out.printf("instance B serves version %d %d ms after its activation on A%n", version, took.toMillis());
        assertEquals(version, activeOn(portB));
        assertTrue(took.compareTo(Duration.ofSeconds(2)) <= 0,
                "instance B served version " + version + " only " + took.toMillis() + " ms after its activation on A");
    }
}
