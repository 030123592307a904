package io.nextbestaction;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away, or is too slow, under the service (never for the others on the shared server): through a
 * proxy the test cuts, and behind a table lock held from a connection of the test's own. /decide answers 503 with
 * Retry-After within the deadline (2 s) and never 500, readiness goes down and comes back within a second, and the
 * log holds one line when it begins and one when it ends, per component.
 */
@QuarkusTest
@TestProfile(ProxiedDatabase.class)
class DatabaseFaultsTest {

    /** The deadline (nba.database.deadline) and what a busy 2-core machine may add to it. */
    private static final Duration IN_TIME = Duration.ofMillis(2000 + 1500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LogCapture log;
    private Connection locker;

    @BeforeEach
    void ready() throws Exception {
        awaitReadiness(200, Duration.ofSeconds(10));
        log = LogCapture.of("");
    }

    @AfterEach
    void repair() throws Exception {
        ProxiedDatabase.PROXY.restore();
        if (locker != null) {
            locker.close();
        }
        log.close();
        awaitReadiness(200, Duration.ofSeconds(10));
    }

    @Test
    void anUnreachableDatabaseIsAnswered503InTimeAndReadinessFollowsIt() throws Exception {
        try (Load load = new Load()) {
            Thread.sleep(1000);
            ProxiedDatabase.PROXY.cut();
            awaitReadiness(503, Duration.ofSeconds(3));
            // Any endpoint that needs the database says so, as /decide does.
            assertUnavailable(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                    + "/decisions/0190f5a0-0000-7000-8000-000000000000")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()));
            Thread.sleep(2000);
            ProxiedDatabase.PROXY.restore();
            Duration back = awaitReadiness(200, Duration.ofSeconds(5));
            assertTrue(back.toMillis() <= 1500, "readiness back " + back.toMillis() + " ms after the database");
            awaitDecision();
            Thread.sleep(1000);
            load.close();
            load.assertAnsweredInTimeWith200Or503();
        }
        assertOneLineEachWhenItBeganAndEnded(List.of("contact-history-reader"));
    }

    @Test
    void aLockedDecisionTableIsAnswered503InTimeAndReadinessFollowsIt() throws Exception {
        locker = DriverManager.getConnection(ProxiedDatabase.DIRECT, "postgres", "");
        locker.setAutoCommit(false);
        try (Statement lock = locker.createStatement()) {
            lock.execute("lock table decision in access exclusive mode");
        }
        long start = System.nanoTime();
        HttpResponse<String> answer = decide("locked-1");
        assertTrue(System.nanoTime() - start <= IN_TIME.toNanos(), "answered within the deadline");
        assertUnavailable(answer);
        awaitReadiness(503, Duration.ofSeconds(3));

        locker.rollback();
        Duration back = awaitReadiness(200, Duration.ofSeconds(5));
        assertTrue(back.toMillis() <= 1500, "readiness back " + back.toMillis() + " ms after the lock");
        // The insert may have committed after the 503 (the lock ended as the deadline passed): the retry, with the
        // same requestId, then gets that decision; either way the request is decided once.
        HttpResponse<String> retry = decide("locked-1");
        assertEquals(200, retry.statusCode(), retry.body());
        try (Statement logged = locker.createStatement();
             ResultSet decisions = logged.executeQuery("select id from decision where request_id = 'locked-1'")) {
            assertTrue(decisions.next());
            assertTrue(retry.body().contains("\"decisionId\":\"" + decisions.getString(1) + "\""), retry.body());
            assertFalse(decisions.next(), "decided once");
        }
        assertOneLineEachWhenItBeganAndEnded(List.of("decision-log-writer"));
    }

    /**
     * Each component that saw the outage (at least those named) logged it once when it began and once when it ended,
     * and nothing else was logged. A component polls at its own pace, so its end may come a little after readiness.
     */
    private void assertOneLineEachWhenItBeganAndEnded(List<String> atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!components(": the database answers again").containsAll(components(": the database is unavailable"))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<String> lines = log.lines();
        List<String> began = components(": the database is unavailable");
        assertTrue(began.containsAll(atLeast), "began: " + lines);
        assertEquals(began.stream().distinct().toList(), began, "each began once: " + lines);
        assertEquals(began.stream().sorted().toList(), components(": the database answers again").stream().sorted().toList(),
                "each ended once: " + lines);
        // A call that was waiting when the outage began may say how long it took; nothing else.
        List<String> others = lines.stream().filter(l -> !l.contains("common.error.Outage: ")
                && !l.matches("WARN io.nextbestaction.common.batch.Batcher: [a-z-]+: one call for \\d+ requests took .*")).toList();
        assertTrue(others.stream().noneMatch(l -> l.startsWith("WARN") || l.startsWith("ERROR")), "only outage lines: " + others);
        assertTrue(lines.stream().noneMatch(l -> l.endsWith("[with a stack trace]")), "no stack trace: " + lines);
    }

    /** The components whose outage lines contain the text, in the order logged. */
    private List<String> components(String text) {
        return log.lines().stream().filter(l -> l.contains("common.error.Outage: ") && l.contains(text))
                .map(l -> l.substring(l.indexOf("Outage: ") + "Outage: ".length(), l.indexOf(text))).toList();
    }

    /** /decide at 20 requests a second from another thread, each answer's status and time kept. */
    private final class Load implements AutoCloseable {
        private final List<String> problems = new CopyOnWriteArrayList<>();
        private final AtomicInteger ok = new AtomicInteger();
        private final AtomicInteger unavailable = new AtomicInteger();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "decide-load");

        Load() {
            thread.start();
        }

        private void run() {
            for (int n = 0; running; n++) {
                try {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = decide("load-" + System.nanoTime() + "-" + n);
                    long took = System.nanoTime() - start;
                    if (took > IN_TIME.toNanos()) {
                        problems.add("answered " + answer.statusCode() + " after " + NANOSECONDS.toMillis(took) + " ms");
                    }
                    if (answer.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else if (answer.statusCode() == 503 && isUnavailableProblem(answer)) {
                        unavailable.incrementAndGet();
                    } else {
                        problems.add(answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    problems.add(e.toString());
                }
            }
        }

        void assertAnsweredInTimeWith200Or503() {
            assertEquals(List.of(), problems);
            assertTrue(unavailable.get() > 0, "some decisions were answered 503");
            assertTrue(ok.get() > 0, "some decisions were answered 200");
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }

    private static boolean isUnavailableProblem(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && answer.headers().firstValue("Retry-After").equals(Optional.of("1"))
                && answer.body().contains("\"status\":503");
    }

    private static void assertUnavailable(HttpResponse<String> answer) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(isUnavailableProblem(answer), answer.headers().map() + " " + answer.body());
        assertTrue(answer.body().contains("\"title\":\"Database unavailable\""), answer.body());
    }

    private HttpResponse<String> decide(String requestId) throws IOException, InterruptedException {
        String body = "{\"requestId\": \"" + requestId + "\", \"account\": {\"id\": \"faults-1\", \"seats\": {\"used\": 9,"
                + " \"limit\": 10}}, \"holdoutPercent\": 0}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/decide"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitDecision() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (decide("after-" + System.nanoTime()).statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "/decide answers 200 again");
            Thread.sleep(50);
        }
    }

    /** Polls readiness every 50 ms until it answers the status; how long that took. */
    private Duration awaitReadiness(int status, Duration atMost) throws Exception {
        long start = System.nanoTime();
        while (true) {
            int now = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (now == status) {
                return waited;
            }
            assertFalse(waited.compareTo(atMost) > 0, "readiness answered " + now + ", not " + status + ", for " + atMost);
            Thread.sleep(50);
        }
    }
}
