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
                + ", the shipped playbook active and the rule compiler warmed up before, as in a running service)",
                "rows", "rules", "workbook", "warm-up", "compile s", "activate ms", "1st decision ms", "live s", "target",
                "again, warm: live s", "one ruleset", "heap held", "heap held in swap", "peak heap", "verdict",
                "cores used by the JVM / by others while compiling");
        for (Map<String, String> r : results(file)) {
            int rows = Integer.parseInt(r.get("rows"));
            double target = rows <= 2000 ? 5 : 30;
            if (r.containsKey("failed")) {
                table.row(Table.count(rows), "-", "-", "", "FAILED (see the log above)", "", "", "", "<= " + (int) target + " s",
                        "", "", "", "", "", "FAIL");
                continue;
            }
            double live = d(r, "live_s");
            double peak = Math.max(d(r, "peak_heap_mib"), d(r, "heap_swap_mib"));
            boolean pass = live <= target && peak <= 1024;
            table.row(Table.count(rows), r.get("rules"), r.get("workbook_kib") + " KiB",
                    r.get("warm_up_compiles") + " compiles, " + r.get("warm_up_s") + " s", r.get("compile_s"),
                    r.get("activate_ms"), r.get("first_decision_ms"), r.get("live_s"), "<= " + (int) target + " s",
                    r.get("relive_s"), r.get("ruleset_mib") + " MiB", r.get("heap_held_mib") + " MiB",
                    r.get("heap_swap_mib") + " MiB", r.get("peak_heap_mib") + " MiB", pass ? "PASS" : "FAIL",
                    r.get("compile_own_cores") + " / " + r.get("compile_other_cores"));
        }
        System.out.print(table.render());
        System.out.println("""
                warm-up = the shipped playbook compiled again and again before the change, as the service does after start
                (nba.rulesets.compiler-warm-up; BENCH_COMPILER_WARM_UP, default 20s, 0s for none).
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
        List<String> runs = List.of(kv.getOrDefault("runs", "").trim().split("\\s+"));
        double rate = d(kv, "rate");
        Table table = new Table(String.format(Locale.ROOT,
                "End to end: POST /decide over loopback (wrk -t%s, %s s per run after a %s s warm-up, %s accounts, %s stored history rows for %s of them), service on PostgreSQL",
                kv.get("threads"), kv.get("duration_s"), kv.get("warmup_s"), kv.get("accounts"), kv.get("history_rows"), kv.get("history_accounts")),
                "run", "connections", "decisions/s (2xx)", "requests", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms",
                "non-2xx", "socket errors", "answered", "answered, not in log", "logged, not answered", "RSS max");
        Table cpu = new Table("Where the 2 cores went during each run (cores busy on average; other = processes outside the bench: noise)",
                "run", "machine busy", "service", "PostgreSQL", "wrk", "other processes", "load avg before");
        double bestMax = 0;
        String bestRun = "-";
        long maxErrors = 0;
        long missing = 0;
        double rssLoad = 0;
        for (String run : runs) {
            if (run.isBlank() || !kv.containsKey(run + ".requests")) {
                continue;
            }
            long socketErrors = l(kv, run + ".connect_err") + l(kv, run + ".read_err") + l(kv, run + ".write_err")
                    + l(kv, run + ".timeout_err");
            String name = run.equals("fixed") ? "fixed " + Table.count(rate) + "/s"
                    : run.startsWith(LEARNING_OFF) ? "max load, learning off" : "max load";
            table.row(name, kv.get(run + ".connections"), Table.count(d(kv, run + ".ok_rps")), Table.count(d(kv, run + ".requests")),
                    ms(kv, run + ".p50_ms"), ms(kv, run + ".p90_ms"), ms(kv, run + ".p99_ms"), ms(kv, run + ".p999_ms"),
                    ms(kv, run + ".max_ms"), kv.get(run + ".non2xx"), socketErrors, Table.count(d(kv, run + ".ok")),
                    kv.get(run + ".missing"), kv.get(run + ".extra"), kv.get(run + ".rss_max_mib") + " MiB");
            cpu.row(name + " (" + kv.get(run + ".connections") + " conn.)", kv.get(run + ".cpu_machine"), kv.get(run + ".cpu_service"),
                    kv.get(run + ".cpu_postgres"), kv.get(run + ".cpu_wrk"), kv.get(run + ".cpu_other"), kv.get(run + ".loadavg_before"));
            if (!run.equals("fixed")) {
                if (!run.startsWith(LEARNING_OFF) && d(kv, run + ".ok_rps") > bestMax) {
                    bestMax = d(kv, run + ".ok_rps");
                    bestRun = kv.get(run + ".connections") + " connections";
                }
                maxErrors += socketErrors + l(kv, run + ".non2xx");
            }
            missing += l(kv, run + ".missing");
            rssLoad = Math.max(rssLoad, d(kv, run + ".rss_max_mib"));
        }
        System.out.print(table.render());
        System.out.println("answered = 2xx answers whose decisionId wrk saved; answered, not in log = those absent from nba.decision (must be 0);"
                + "\nlogged, not answered = rows of that run's requestIds without a saved answer (requests in flight when wrk stopped).");
        System.out.print(cpu.render());

        Table memory = new Table("Memory: resident set of the service (VmRSS from /proc/PID/status; service JVM options: "
                + (kv.getOrDefault("service_opts", "").isBlank() ? "none" : kv.get("service_opts")) + ")",
                "when", "VmRSS", "heap used (jcmd GC.heap_info)");
        memory.row("idle, after start and history import", kv.get("rss_idle_mib") + " MiB", kv.getOrDefault("heap_idle", "-"));
        for (String run : runs) {
            if (kv.containsKey(run + ".rss_max_mib")) {
                memory.row("under load: " + (run.equals("fixed") ? "fixed " + Table.count(rate) + "/s" : "max load")
                        + ", " + kv.get(run + ".connections") + " conn. (max of 1 s samples)", kv.get(run + ".rss_max_mib") + " MiB", "-");
            }
        }
        memory.row("idle, after the load", kv.get("rss_after_mib") + " MiB", kv.getOrDefault("heap_after", "-"));
        memory.row("high-water mark (VmHWM)", kv.get("rss_hwm_mib") + " MiB", "-");
        System.out.print(memory.render());

        List<String> changes = List.of(kv.getOrDefault("changes", "").trim().split("\\s+"));
        Table changeTable = new Table("Rule changes through the service, idle after the load: a generated table uploaded onto version 1 "
                + "(the shipped playbook), activated, then served", "rows", "version", "upload s", "activate s",
                "until served s", "live s", "target", "verdict", "warnings", "RSS after", "heap used after");
        boolean anyChange = false;
        for (String rows : changes) {
            if (rows.isBlank()) {
                continue;
            }
            anyChange = true;
            String p = "change" + rows + ".";
            double target = Integer.parseInt(rows) <= 2000 ? 5 : 30;
            if (kv.containsKey(p + "failed")) {
                changeTable.row(Table.count(Integer.parseInt(rows)), "-", "FAILED: " + kv.get(p + "failed"), "", "", "", "<= " + (int) target + " s", "FAIL", "", "", "");
                continue;
            }
            boolean served = kv.getOrDefault(p + "served", "").startsWith("v" + kv.get(p + "version") + " ");
            double live = d(kv, p + "live_s");
            changeTable.row(Table.count(Integer.parseInt(rows)), kv.get(p + "version"), kv.get(p + "upload_s"), kv.get(p + "activate_s"),
                    kv.get(p + "first_decision_s"), served ? kv.get(p + "live_s") : "not served", "<= " + (int) target + " s",
                    verdict(served && live <= target), kv.get(p + "warnings"), kv.get(p + "rss_mib") + " MiB", kv.get(p + "heap"));
        }
        if (anyChange) {
            System.out.print(changeTable.render());
            System.out.println("upload = POST /rulesets (read, validate, compile, store); activate = POST /rulesets/{v}/activate (regression suites,"
                    + "\naudit, switch); until served = until POST /decide reports the new version; live = the three together.");
        }

        double engine = d(kv, "engine_per_s");
        boolean hasFixed = kv.containsKey("fixed.requests");
        double fixedP99 = hasFixed ? d(kv, "fixed.p99_ms") : Double.NaN;
        double fixedRate = hasFixed ? d(kv, "fixed.ok_rps") : Double.NaN;
        long fixedErrors = l(kv, "fixed.non2xx") + l(kv, "fixed.connect_err") + l(kv, "fixed.read_err") + l(kv, "fixed.write_err")
                + l(kv, "fixed.timeout_err");
        Table summary = new Table("Summary against the targets (figures and ratios from this one run)", "figure", "measured", "target", "verdict");
        summary.row("end-to-end decisions/s at max load (best run: " + bestRun + ")", Table.count(bestMax), ">= 5,000", verdict(bestMax >= 5000));
        summary.row("errors at max load (non-2xx + socket, all max runs)", maxErrors, "0", verdict(maxErrors == 0));
        if (hasFixed) {
            summary.row("p99 at a fixed " + Table.count(rate) + "/s", Table.fixed(fixedP99, 2) + " ms (achieved " + Table.count(fixedRate) + "/s)",
                    "<= 15 ms at " + Table.count(rate) + "/s", verdict(fixedP99 <= 15 && fixedRate >= 0.97 * rate));
            summary.row("errors at the fixed rate", fixedErrors, "0", verdict(fixedErrors == 0));
        }
        summary.row("answered decisions missing from nba.decision (all runs)", missing, "0", verdict(missing == 0));
        summary.row("engine only, shipped playbook, 1 thread (this run)", Table.count(engine) + " /s", ">= 50,000", verdict(engine >= 50000));
        summary.row("ratio end to end (whole machine) / engine only (1 thread)", Table.fixed(bestMax / engine, 4), "-", "-");
        summary.row("ratio end to end / in-process path incl. JSON (1 thread)", Table.fixed(bestMax / d(kv, "engine_json_per_s"), 4), "-", "-");
        summary.row("service CPU per decision at max load (best run)", Table.fixed(1000 * d(kv, bestRunKey(kv, runs, bestMax) + ".cpu_service") / bestMax, 3) + " ms",
                "-", "-");
        summary.row("engine CPU per decision (1 thread)", Table.fixed(1000 / engine, 4) + " ms", "-", "-");
        summary.row("RSS under load, shipped playbook (max over runs)", Table.count(rssLoad) + " MiB", "<= 512 MiB", verdict(rssLoad <= 512));
        for (String run : runs) {
            if (run.startsWith(LEARNING_OFF) && kv.containsKey(run + ".ok_rps")) {
                String on = run.substring(LEARNING_OFF.length());
                double ratio = d(kv, on + ".ok_rps") / d(kv, run + ".ok_rps");
                summary.row("/decide throughput learning on / off, " + kv.get(run + ".connections") + " conn. (" + kv.get(on + ".learned_decisions")
                        + " of the decisions with learning on ranked a learned propensity; " + kv.get("learned_rows") + " learned counts)",
                        Table.fixed(ratio, 3), ">= 0.90", verdict(ratio >= 0.9));
            }
        }
        System.out.print(summary.render());
    }

    /** The label prefix of the max-load runs made with learning off (e2e.sh, BENCH_LEARNING=both). */
    private static final String LEARNING_OFF = "nolearn-";

    private static String bestRunKey(Map<String, String> kv, List<String> runs, double best) {
        for (String run : runs) {
            if (!run.equals("fixed") && !run.startsWith(LEARNING_OFF) && d(kv, run + ".ok_rps") == best) {
                return run;
            }
        }
        return "-";
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
