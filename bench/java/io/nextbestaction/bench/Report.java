package io.nextbestaction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the tables of the shell-driven parts from their {@code RESULT key=value ...} / {@code key=value} lines.
 * Usage: Report rule-changes FILE HEAP | Report e2e FILE
 */
public final class Report {

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "rule-changes" -> ruleChanges(Path.of(args[1]), args[2]);
            case "e2e" -> endToEnd(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void ruleChanges(Path file, String heap) throws IOException {
        Table table = new Table("Rule changes: validate + compile, activate, first decision (one JVM per size, -Xmx" + heap
                + ", the shipped playbook active before, as in a running service)",
                "rows", "rules", "workbook", "compile s", "activate ms", "1st decision ms", "live s", "target",
                "again, warm: live s", "one ruleset", "heap held", "heap held in swap", "peak heap", "verdict");
        for (Map<String, String> r : results(file)) {
            int rows = Integer.parseInt(r.get("rows"));
            double target = rows <= 2000 ? 5 : 30;
            if (r.containsKey("failed")) {
                table.row(Table.count(rows), "-", "-", "FAILED (see the log above)", "", "", "", "<= " + (int) target + " s",
                        "", "", "", "", "", "FAIL");
                continue;
            }
            double live = d(r, "live_s");
            double peak = Math.max(d(r, "peak_heap_mib"), d(r, "heap_swap_mib"));
            boolean pass = live <= target && peak <= 1024;
            table.row(Table.count(rows), r.get("rules"), r.get("workbook_kib") + " KiB", r.get("compile_s"),
                    r.get("activate_ms"), r.get("first_decision_ms"), r.get("live_s"), "<= " + (int) target + " s",
                    r.get("relive_s"), r.get("ruleset_mib") + " MiB", r.get("heap_held_mib") + " MiB",
                    r.get("heap_swap_mib") + " MiB", r.get("peak_heap_mib") + " MiB", pass ? "PASS" : "FAIL");
        }
        System.out.print(table.render());
        System.out.println("""
                live s = compile (validation included) + activate + first decision on the new ruleset, first change after start.
                again, warm = the same change made a second time in the same JVM while the first one serves (JIT warm).
                one ruleset = heap one compiled ruleset of that size retains (used heap after GC with two copies alive minus one);
                heap held = used heap after GC with the new ruleset active (JVM baseline included); in swap = the same with the old
                and the new ruleset alive at once; peak heap = highest used heap sampled every 5 ms during both changes (garbage
                included, so it grows towards -Xmx; a change that needs more than -Xmx fails). Targets: 2,000 rows live <= 5 s,
                10,000 rows <= 30 s, heap <= 1 GiB throughout.""");
    }

    private static void endToEnd(Path file) throws IOException {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        Table runs = new Table(String.format(Locale.ROOT,
                "End to end: POST /decide over loopback (wrk -t%s -c%s, %s s per run, %s accounts, %s stored history rows), service on PostgreSQL",
                kv.get("threads"), kv.get("connections"), kv.get("duration_s"), kv.get("accounts"), kv.get("history_rows")),
                "run", "decisions/s (2xx)", "requests", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "non-2xx",
                "socket errors", "answered", "answered, not in log", "logged, not answered", "RSS max");
        for (String run : List.of("max", "fixed")) {
            if (!kv.containsKey(run + ".requests")) {
                continue;
            }
            long socketErrors = l(kv, run + ".connect_err") + l(kv, run + ".read_err") + l(kv, run + ".write_err")
                    + l(kv, run + ".timeout_err");
            runs.row(run.equals("max") ? "max load" : "fixed " + Table.count(d(kv, "rate")) + "/s",
                    Table.count(d(kv, run + ".ok_rps")), Table.count(d(kv, run + ".requests")),
                    ms(kv, run + ".p50_ms"), ms(kv, run + ".p90_ms"), ms(kv, run + ".p99_ms"), ms(kv, run + ".p999_ms"),
                    ms(kv, run + ".max_ms"), kv.get(run + ".non2xx"), socketErrors, Table.count(d(kv, run + ".ok")),
                    kv.get(run + ".missing"), kv.get(run + ".extra"), kv.get(run + ".rss_max_mib") + " MiB");
        }
        System.out.print(runs.render());

        Table cpu = new Table("Where the 2 cores went during each run (cores busy on average; other = processes outside the bench: noise)",
                "run", "machine busy", "service", "PostgreSQL", "wrk", "other processes", "load avg before");
        for (String run : List.of("max", "fixed")) {
            if (kv.containsKey(run + ".cpu_machine")) {
                cpu.row(run.equals("max") ? "max load" : "fixed " + Table.count(d(kv, "rate")) + "/s", kv.get(run + ".cpu_machine"),
                        kv.get(run + ".cpu_service"), kv.get(run + ".cpu_postgres"), kv.get(run + ".cpu_wrk"),
                        kv.get(run + ".cpu_other"), kv.get(run + ".loadavg_before"));
            }
        }
        System.out.print(cpu.render());

        Table memory = new Table("Memory: resident set of the service (VmRSS from /proc/PID/status; JVM options: "
                + (kv.getOrDefault("service_opts", "").isBlank() ? "none" : kv.get("service_opts")) + ")",
                "when", "VmRSS", "heap used (jcmd)");
        memory.row("idle, after start and history import", kv.get("rss_idle_mib") + " MiB", kv.getOrDefault("heap_idle", "-"));
        memory.row("under max load (max of 1 s samples)", kv.get("max.rss_max_mib") + " MiB", "-");
        memory.row("under " + Table.count(d(kv, "rate")) + "/s (max of 1 s samples)", kv.getOrDefault("fixed.rss_max_mib", "-") + " MiB", "-");
        memory.row("idle, after the load", kv.get("rss_after_mib") + " MiB", kv.getOrDefault("heap_after", "-"));
        memory.row("high-water mark (VmHWM)", kv.get("rss_hwm_mib") + " MiB", "-");
        System.out.print(memory.render());

        double e2e = d(kv, "max.ok_rps");
        double engine = d(kv, "engine_per_s");
        double fixedP99 = kv.containsKey("fixed.p99_ms") ? d(kv, "fixed.p99_ms") : Double.NaN;
        double fixedRate = kv.containsKey("fixed.ok_rps") ? d(kv, "fixed.ok_rps") : Double.NaN;
        long maxErrors = l(kv, "max.non2xx") + l(kv, "max.connect_err") + l(kv, "max.read_err") + l(kv, "max.write_err") + l(kv, "max.timeout_err");
        long fixedErrors = l(kv, "fixed.non2xx") + l(kv, "fixed.connect_err") + l(kv, "fixed.read_err") + l(kv, "fixed.write_err") + l(kv, "fixed.timeout_err");
        long missing = l(kv, "max.missing") + l(kv, "fixed.missing");
        double rssLoad = Math.max(d(kv, "max.rss_max_mib"), kv.containsKey("fixed.rss_max_mib") ? d(kv, "fixed.rss_max_mib") : 0);
        Table summary = new Table("Summary against the targets (one run; figures from the same run)", "figure", "measured", "target", "verdict");
        summary.row("end-to-end decisions/s at max load", Table.count(e2e), ">= 5,000", verdict(e2e >= 5000));
        summary.row("errors at max load (non-2xx + socket)", maxErrors, "0", verdict(maxErrors == 0));
        summary.row("p99 at a fixed " + Table.count(d(kv, "rate")) + "/s", Table.fixed(fixedP99, 2) + " ms"
                + " (achieved " + Table.count(fixedRate) + "/s)", "<= 15 ms", verdict(fixedP99 <= 15 && fixedRate >= 0.97 * d(kv, "rate")));
        summary.row("errors at the fixed rate", fixedErrors, "0", verdict(fixedErrors == 0));
        summary.row("answered decisions missing from nba.decision", missing, "0", verdict(missing == 0));
        summary.row("engine only, shipped playbook, 1 thread (same run)", Table.count(engine) + " /s", ">= 50,000", verdict(engine >= 50000));
        summary.row("ratio end to end (all cores) / engine only (1 thread)", Table.fixed(e2e / engine, 3), "-", "-");
        summary.row("ratio end to end / in-process path with JSON (1 thread)", Table.fixed(e2e / d(kv, "engine_json_per_s"), 3), "-", "-");
        summary.row("RSS under load, shipped playbook", Table.count(rssLoad) + " MiB", "<= 512 MiB", verdict(rssLoad <= 512));
        System.out.print(summary.render());
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private static String ms(Map<String, String> kv, String key) {
        return Table.fixed(d(kv, key), 2);
    }

    private static double d(Map<String, String> kv, String key) {
        String v = kv.get(key);
        return v == null || v.isBlank() || v.equals("-") ? Double.NaN : Double.parseDouble(v);
    }

    private static long l(Map<String, String> kv, String key) {
        String v = kv.get(key);
        return v == null || v.isBlank() || v.equals("-") ? 0 : Math.round(Double.parseDouble(v));
    }

    private static List<Map<String, String>> results(Path file) throws IOException {
        List<Map<String, String>> results = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("RESULT ")) {
                continue;
            }
            Map<String, String> r = new LinkedHashMap<>();
            for (String field : line.substring(7).trim().split("\\s+")) {
                int eq = field.indexOf('=');
                r.put(field.substring(0, eq), field.substring(eq + 1));
            }
            results.add(r);
        }
        return results;
    }
}
