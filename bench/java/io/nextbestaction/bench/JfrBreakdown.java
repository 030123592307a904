package io.nextbestaction.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the service's CPU goes: the share of JFR execution samples (all threads) whose stack passes through each
 * step of a decision. Shares overlap (a step inside another counts in both).
 * Usage: JfrBreakdown FILE.jfr [FROM_EPOCH_MS TO_EPOCH_MS] (only samples taken in that window)
 */
public final class JfrBreakdown {

    private static final Map<String, String> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("POST /decide on the event loop (DecideResource.decide)", "DecideResource.decide");
        STEPS.put("  reading the body (ObjectMapper.readValue)", "ObjectMapper.readValue");
        STEPS.put("  validation (Violations.check)", "Violations.check");
        STEPS.put("history reader thread: one query per batch (ContactHistory.read)", "ContactHistory.read");
        STEPS.put("history reader thread: the decisions of a batch (DecisionService.lambda$decide)", "DecisionService.lambda$decide");
        STEPS.put("  facts (OfferSelection.toFacts)", "OfferSelection.toFacts");
        STEPS.put("  rules (RuleBase.evaluate)", "RuleBase.evaluate");
        STEPS.put("  arbitration (Arbitration.rank)", "Arbitration.rank");
        STEPS.put("  JSON of the response and the log entry (DecisionService.write)", "DecisionService.write");
        STEPS.put("log writer thread: one insert and commit per batch (DecisionLogWriter.insert)", "DecisionLogWriter.insert");
        STEPS.put("Hibernate ORM and Validator, anywhere", "org.hibernate.");
        STEPS.put("PostgreSQL JDBC driver, anywhere", "org.postgresql.");
        STEPS.put("Agroal connection pool, anywhere", "io.agroal.");
        STEPS.put("Micrometer, anywhere", "io.micrometer.");
        STEPS.put("Vert.x / Netty event loop (HTTP I/O)", "NioEventLoop.run");
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STEPS.keySet().forEach(k -> counts.put(k, 0));
        long from = args.length > 2 ? Long.parseLong(args[1]) : Long.MIN_VALUE;
        long to = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            long at = event.getStartTime().toEpochMilli();
            if (at < from || at > to) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            StringBuilder stack = new StringBuilder();
            for (RecordedFrame frame : frames) {
                stack.append(frame.getMethod().getType().getName()).append('.').append(frame.getMethod().getName()).append('\n');
            }
            String text = stack.toString();
            for (Map.Entry<String, String> step : STEPS.entrySet()) {
                if (text.contains(step.getValue())) {
                    counts.merge(step.getKey(), 1, Integer::sum);
                }
            }
        }
        Table table = new Table("Service CPU by step (JFR execution samples of Java threads during the run: " + samples
                + " samples; shares overlap)", "share", "samples", "step");
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                table.row(String.format(Locale.ROOT, "%5.1f %%", 100.0 * e.getValue() / Math.max(1, samples)), e.getValue(), e.getKey());
            }
        }
        System.out.print(table.render());
    }
}
