package io.nextbestaction.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The figures of one {@link FaultsBench} run, as RESULT lines for bench/faults.sh, and the answers as CSV. */
final class FaultsReport {

    /** One POST /decide: when it was sent ({@link System#nanoTime()}), how long its answer took, its status (-1: none). */
    record Answer(long sentAt, long tookNanos, int status) {
    }

    private static final Pattern RECORD = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*");

    private FaultsReport() {
    }

    static void print(String mode, ConcurrentLinkedQueue<Answer> answers, List<long[]> readiness, long start,
                               long cutAt, long restoreAt, long end, Path serviceLog, long[] logOffsets) throws IOException {
        List<String> csv = new ArrayList<>(List.of("sent_ms,took_ms,status"));
        answers.stream().sorted((a, b) -> Long.compare(a.sentAt(), b.sentAt())).forEach(a -> csv.add(
                ms(a.sentAt() - start) + "," + ms(a.tookNanos()) + "," + a.status()));
        Files.write(serviceLog.resolveSibling("answers-" + mode + ".csv"), csv);
        String[] phases = {"before", "during", "after"};
        long[][] bounds = {{start, cutAt}, {cutAt, restoreAt}, {restoreAt, end}};
        for (int p = 0; p < 3; p++) {
            Map<Integer, Integer> byStatus = new TreeMap<>();
            long longest = 0;
            int sent = 0;
            for (Answer a : answers) {
                if (a.sentAt() >= bounds[p][0] && a.sentAt() < bounds[p][1]) {
                    sent++;
                    byStatus.merge(a.status(), 1, Integer::sum);
                    longest = Math.max(longest, a.tookNanos());
                }
            }
            System.out.printf(Locale.ROOT, "RESULT mode=%s phase=%s sent=%d 2xx=%d 503=%d 500=%d other=%d errors=%d longest_ms=%d%n",
                    mode, phases[p], sent, byStatus.getOrDefault(200, 0), byStatus.getOrDefault(503, 0),
                    byStatus.getOrDefault(500, 0), sent - byStatus.getOrDefault(200, 0) - byStatus.getOrDefault(503, 0)
                            - byStatus.getOrDefault(500, 0) - byStatus.getOrDefault(-1, 0), byStatus.getOrDefault(-1, 0),
                    TimeUnit.NANOSECONDS.toMillis(longest));
        }
        // Readiness: first DOWN after the cut, first UP after the restore.
        long downAfter = -1;
        long upAfter = -1;
        for (long[] r : readiness) {
            if (downAfter < 0 && r[0] >= cutAt && r[0] < restoreAt && r[1] != 200) {
                downAfter = r[0] - cutAt;
            }
            if (upAfter < 0 && r[0] >= restoreAt && r[1] == 200) {
                upAfter = r[0] - restoreAt;
            }
        }
        // /decide back: the first request sent after the restore from which on every answer is 2xx.
        List<Answer> afterRestore = answers.stream().filter(a -> a.sentAt() >= restoreAt).sorted((a, b) -> Long.compare(a.sentAt(), b.sentAt())).toList();
        long decideBack = -1;
        for (int i = afterRestore.size() - 1; i >= 0; i--) {
            if (afterRestore.get(i).status() != 200) {
                decideBack = i + 1 < afterRestore.size() ? afterRestore.get(i + 1).sentAt() - restoreAt : -1;
                break;
            }
            decideBack = 0;
        }
        System.out.printf(Locale.ROOT, "RESULT mode=%s ready_down_after_ms=%d ready_up_after_restore_ms=%d decide_ok_after_restore_ms=%d%n",
                mode, ms(downAfter), ms(upAfter), ms(decideBack));
        // The service's log from the fault to the end of the run.
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(serviceLog.toFile(), "r")) {
            byte[] bytes = new byte[(int) (logOffsets[1] - logOffsets[0])];
            file.seek(logOffsets[0]);
            file.readFully(bytes);
            new String(bytes, StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
        long records = lines.stream().filter(l -> RECORD.matcher(l).matches()).count();
        long warnings = lines.stream().filter(l -> RECORD.matcher(l).matches() && (l.contains(" WARN ") || l.contains(" ERROR "))).count();
        long traces = lines.stream().filter(l -> l.startsWith("\tat ")).count();
        System.out.printf(Locale.ROOT, "RESULT mode=%s log_lines=%d log_records=%d warn_or_error=%d stack_frames=%d%n",
                mode, lines.size(), records, warnings, traces);
        Files.write(serviceLog.resolveSibling("fault-log-" + mode + ".txt"), lines);
    }

    private static long ms(long nanos) {
        return nanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
