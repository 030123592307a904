package io.nextbestaction.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the time goes in a JFR recording: the hottest methods by own time (top frame of each execution sample) and by
 * total time (anywhere on the stack), for samples taken on one thread ("-" for all) whose stack has a frame containing FOCUS
 * (for example "RuleBase.evaluate"; "-" for all). Usage: JfrTop FILE.jfr [THREAD] [N] [FOCUS]
 */
public final class JfrTop {

    public static void main(String[] args) throws Exception {
        String thread = args.length > 1 ? args[1] : "main";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String focus = args.length > 3 && !args[3].equals("-") ? args[3] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            if (event.getThread("sampledThread") == null
                    || !thread.equals("-") && !thread.equals(event.getThread("sampledThread").getJavaName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (focus != null && frames.stream().noneMatch(f -> shortName(f.getMethod()).contains(focus))) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame.getMethod());
                if (seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        print("Hottest methods by own time (" + samples + " samples on thread " + thread
                + (focus == null ? "" : " inside " + focus) + ")", self, samples, top);
        print("Hottest methods by total time (on the stack)", total, samples, top);
    }

    private static String shortName(RecordedMethod method) {
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName();
    }

    private static String name(RecordedMethod method) {
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName() + "  (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        Table table = new Table(title, "share", "samples", "method");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> table.row(String.format(Locale.ROOT, "%5.1f %%", 100.0 * e.getValue() / Math.max(1, samples)), e.getValue(), e.getKey()));
        System.out.print(table.render());
    }
}
