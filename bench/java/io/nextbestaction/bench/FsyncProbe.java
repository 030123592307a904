package io.nextbestaction.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * The disk alone, as the decision log's commits use it: small writes into a preallocated 16 MiB file (a WAL segment),
 * each followed by fdatasync, paced at RATE per second for SECONDS, with nothing else of ours running. Prints the
 * latency of the flushes and how much time went to flushes over 100 ms: every decision waiting on such a commit
 * waits as long, so this bounds the p99 the service can reach on this disk.
 * Usage: FsyncProbe DIR SECONDS RATE BYTES
 */
public final class FsyncProbe {

    private static final int SEGMENT = 16 * 1024 * 1024;

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int bytes = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        Path file = dir.resolve("fsync-probe.segment");
        long[] latencies = new long[seconds * rate];
        int n = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocate(1024 * 1024);
            for (int at = 0; at < SEGMENT; at += zeros.capacity()) {
                channel.write(zeros.clear(), at);
            }
            channel.force(true);
            ByteBuffer record = ByteBuffer.allocate(bytes);
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            long position = 0;
            while (n < latencies.length) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                record.clear().putLong(0, n);
                long start = System.nanoTime();
                channel.write(record, position);
                channel.force(false);
                latencies[n++] = System.nanoTime() - start;
                position = (position + bytes) % (SEGMENT - bytes);
                next = Math.max(next + interval, System.nanoTime());
            }
        } finally {
            Files.deleteIfExists(file);
        }
        long over15 = Arrays.stream(latencies).filter(l -> l > 15_000_000L).count();
        long over100 = Arrays.stream(latencies).filter(l -> l > 100_000_000L).count();
        double stalledSeconds = Arrays.stream(latencies).filter(l -> l > 100_000_000L).sum() / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "RESULT flushes=%d rate=%d bytes=%d p50_ms=%.2f p99_ms=%.2f p999_ms=%.1f max_ms=%.1f"
                        + " over_15ms=%d over_100ms=%d stalled_s=%.2f seconds=%d%n",
                n, rate, bytes, ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 0.999), sorted[n - 1] / 1e6,
                over15, over100, stalledSeconds, seconds);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
