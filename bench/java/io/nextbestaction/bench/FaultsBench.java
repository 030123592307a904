package io.nextbestaction.bench;

import io.nextbestaction.TcpProxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What a database fault does to the service under load: starts the packaged service behind a {@link TcpProxy} to
 * PostgreSQL, sends POST /decide at a fixed rate, and for OUTAGE seconds either cuts the proxy (the database is
 * unreachable, as during a restart) or holds {@code LOCK TABLE nba.decision IN ACCESS EXCLUSIVE MODE} from a
 * connection of its own (the database is too slow). Readiness is polled every 100 ms. Prints the answers by phase, the
 * longest wait, how long readiness and /decide took to come back, and the log lines the service wrote meanwhile.
 * Usage: FaultsBench JAR JDBC_TARGET(host:port/db) HTTP_PORT RATE BEFORE_S OUTAGE_S AFTER_S MODE(cut|lock) OUT_DIR [JVM options...]
 */
public final class FaultsBench {

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String[] db = args[1].split("[:/]");
        int httpPort = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        long before = TimeUnit.SECONDS.toNanos(Long.parseLong(args[4]));
        long outage = TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));
        long after = TimeUnit.SECONDS.toNanos(Long.parseLong(args[6]));
        String mode = args[7];
        Path out = Path.of(args[8]);
        List<String> jvm = List.of(args).subList(9, args.length);
        Files.createDirectories(out);
        Path serviceLog = out.resolve("service-" + mode + ".log");

        try (TcpProxy proxy = TcpProxy.to(db[0], Integer.parseInt(db[1]))) {
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(jvm);
            command.addAll(List.of("-jar", jar));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(serviceLog.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db[2] + "?currentSchema=nba");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.putIfAbsent("MALLOC_ARENA_MAX", "2");
            Process service = builder.start();
            try {
                run(service, proxy, httpPort, rate, before, outage, after, mode, db, serviceLog);
            } finally {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    private static void run(Process service, TcpProxy proxy, int httpPort, int rate, long before, long outage, long after,
                            String mode, String[] db, Path serviceLog) throws Exception {
        String base = "http://127.0.0.1:" + httpPort;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(threads).build();
        long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (status(http, base + "/q/health/ready") != 200) {
            if (!service.isAlive() || System.nanoTime() > readyBy) {
                throw new IllegalStateException("the service did not get ready; see " + serviceLog);
            }
            Thread.sleep(250);
        }
        System.err.println("[faults] service ready; warming up for 10 s at " + rate + "/s");
        load(http, base, rate, TimeUnit.SECONDS.toNanos(10), "warm", new ConcurrentLinkedQueue<>());
        ERRORS.clear();

        ConcurrentLinkedQueue<FaultsReport.Answer> answers = new ConcurrentLinkedQueue<>();
        List<long[]> readiness = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long cutAt = start + before;
        long restoreAt = cutAt + outage;
        long end = restoreAt + after;
        Thread poller = new Thread(() -> {
            while (System.nanoTime() < end) {
                readiness.add(new long[]{System.nanoTime(), status(http, base + "/q/health/ready")});
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        });
        poller.start();
        Thread fault = new Thread(() -> fault(proxy, mode, db, cutAt, restoreAt));
        fault.start();
        long[] logOffsets = new long[2];
        Thread logMarks = new Thread(() -> {
            LockSupport.parkNanos(cutAt - System.nanoTime());
            logOffsets[0] = serviceLog.toFile().length();
            LockSupport.parkNanos(end - System.nanoTime());
            logOffsets[1] = serviceLog.toFile().length();
        });
        logMarks.start();
        System.err.printf("[faults] %d s before, %d s %s, %d s after, at %d/s%n", TimeUnit.NANOSECONDS.toSeconds(before),
                TimeUnit.NANOSECONDS.toSeconds(outage), mode, TimeUnit.NANOSECONDS.toSeconds(after), rate);
        load(http, base, rate, end - start, mode, answers);
        fault.join();
        poller.join();
        logMarks.join();
        // Answers still outstanding (a request that waits) are counted once they come, up to a minute.
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pending > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        ERRORS.forEach((why, count) -> System.err.printf("[faults] %s: %d requests got no answer: %s%n", mode, count, why));
        FaultsReport.print(mode, answers, readiness, start, cutAt, restoreAt, end, serviceLog, logOffsets);
        threads.shutdownNow();
    }

    private static volatile int pending;
    /** Why requests got no answer, for the report. */
    private static final Map<String, Integer> ERRORS = new java.util.concurrent.ConcurrentHashMap<>();

    private static synchronized void pendingAdd(int delta) {
        pending += delta;
    }

    private static void load(HttpClient http, String base, int rate, long duration, String run,
                             ConcurrentLinkedQueue<FaultsReport.Answer> answers) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long next = start;
        int n = 0;
        while (next - start < duration) {
            LockSupport.parkNanos(next - System.nanoTime());
            long sentAt = System.nanoTime();
            int id = n++;
            String body = "{\"requestId\": \"faults-" + run + "-" + ProcessHandle.current().pid() + "-" + id + "\","
                    + " \"account\": {\"id\": \"faults-" + (id % 4000) + "\", \"segment\": \"SMB\", \"plan\": \"TEAM\","
                    + " \"tenureDays\": 200, \"seats\": {\"used\": 9, \"limit\": 10}, \"healthScore\": 78,"
                    + " \"consent\": {\"EMAIL\": true}}, \"channels\": [\"IN_APP\", \"EMAIL\"], \"holdoutPercent\": 0}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/decide")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            pendingAdd(1);
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                answers.add(new FaultsReport.Answer(sentAt, System.nanoTime() - sentAt, error != null ? -1 : response.statusCode()));
                if (error != null) {
                    Throwable cause = error.getCause() == null ? error : error.getCause();
                    ERRORS.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
                }
                pendingAdd(-1);
            });
            next += interval;
        }
    }

    private static void fault(TcpProxy proxy, String mode, String[] db, long cutAt, long restoreAt) {
        try {
            LockSupport.parkNanos(cutAt - System.nanoTime());
            if (mode.equals("cut")) {
                proxy.cut();
                LockSupport.parkNanos(restoreAt - System.nanoTime());
                proxy.restore();
                return;
            }
            try (Connection lock = DriverManager.getConnection("jdbc:postgresql://" + db[0] + ":" + db[1] + "/" + db[2], "postgres", "");
                 Statement statement = lock.createStatement()) {
                lock.setAutoCommit(false);
                statement.execute("lock table nba.decision in access exclusive mode");
                LockSupport.parkNanos(restoreAt - System.nanoTime());
                lock.rollback();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

}
