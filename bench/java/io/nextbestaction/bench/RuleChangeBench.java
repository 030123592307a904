package io.nextbestaction.bench;

import io.nextbestaction.common.json.Json;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.RuleSetInvalidException;
import io.nextbestaction.rulesets.CompilerWarmUp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rule change of one size, in its own JVM (run it with the heap cap under test, e.g. -Xmx1g): the shipped playbook
 * is compiled and active first, and the rule compiler is warmed up for BENCH_COMPILER_WARM_UP (default 20s, as the
 * service's {@code nba.rulesets.compiler-warm-up}; 0s for none) with {@code CompilerWarmUp.run}, as in a running service; then a generated table of ROWS rows (with the shipped catalog
 * and guardrails) is validated and compiled ({@code RuleSetCompiler.compile}), activated (swapped in as the serving ruleset)
 * and serves its first decision. That change is then made a second time on the warm JVM while the first one serves.
 * Prints one {@code RESULT key=value ...} line. Usage: RuleChangeBench ROWS [--tables DIR] [--tmp DIR]
 */
public final class RuleChangeBench {

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        int rows = Integer.parseInt(args[0]);
        Path tables = Path.of(EngineBench.option(args, "--tables", "decision-tables"));
        Path tmp = Path.of(EngineBench.option(args, "--tmp", System.getProperty("java.io.tmpdir")));
        RuleSetCompiler compiler = new RuleSetCompiler();
        AtomicReference<RuleSet> active = new AtomicReference<>();
        Accounts.Generated account = Accounts.generate(1, 7).get(0);
        DecisionRequest request = Json.mapper().readValue(account.json(), DecisionRequest.class);

        long heapEmpty = usedAfterGc();
        long t = System.nanoTime();
        active.set(compiler.compile(Playbooks.shipped(tables)));
        double shippedSeconds = seconds(t);
        Duration warmUp = Duration.parse("PT" + System.getenv().getOrDefault("BENCH_COMPILER_WARM_UP", "20s"));
        long w = System.nanoTime();
        int warmUpCompiles = warmUp.isZero() ? 0 : CompilerWarmUp.run(compiler, Playbooks.shipped(tables), warmUp);
        double warmUpSeconds = seconds(w);
        decide(active, request);
        long heapShipped = usedAfterGc();

        long g = System.nanoTime();
        List<RuleFile> files = Playbooks.generated(tables, rows, tmp);
        double generateSeconds = seconds(g);
        long workbookBytes = files.get(files.size() - 1).content().length;

        Sampler sampler = new Sampler();
        sampler.start();
        resetPoolPeaks();
        long before = usedAfterGc();
        Timing first = change(compiler, active, files, request);
        RuleSet firstSet = active.get();
        Playbooks.checkCatalog(firstSet);
        long heapHeld = usedAfterGc();
        // The same change again, warm, while the first one is active (old and new ruleset both alive: the swap peak).
        Timing second = change(compiler, active, files, request);
        long heapSwap = usedAfterGc(); // firstSet still referenced: two copies alive
        if (firstSet == active.get()) {
            throw new IllegalStateException("the second change did not activate a new ruleset");
        }
        firstSet = null;
        long heapHeldAfterSwap = usedAfterGc();
        sampler.stopSampling();
        sampler.join();

        System.out.printf(Locale.ROOT, "RESULT rows=%d rules=%d workbook_kib=%d generate_s=%.2f shipped_compile_s=%.2f"
                        + " warm_up_compiles=%d warm_up_s=%.1f"
                        + " compile_s=%.2f activate_ms=%.3f first_decision_ms=%.1f live_s=%.2f"
                        + " recompile_s=%.2f relive_s=%.2f heap_empty_mib=%.0f heap_shipped_mib=%.0f heap_before_mib=%.0f"
                        + " heap_held_mib=%.0f heap_swap_mib=%.0f heap_held_after_swap_mib=%.0f ruleset_mib=%.0f peak_heap_mib=%.0f"
                        + " pool_peak_sum_mib=%.0f max_heap_mib=%.0f compile_own_cores=%.2f compile_other_cores=%.2f%n",
                rows, Playbooks.ruleCount(active.get()), workbookBytes / 1024, generateSeconds,
                shippedSeconds, warmUpCompiles, warmUpSeconds, first.compile, first.activateMs, first.firstDecisionMs, first.live(),
                second.compile, second.live(), mib(heapEmpty), mib(heapShipped), mib(before), mib(heapHeld),
                mib(heapSwap), mib(heapHeldAfterSwap), mib(heapSwap - heapHeld), mib(sampler.max.get()), mib(poolPeakSum()),
                mib(Runtime.getRuntime().maxMemory()), first.ownCores, first.otherCores);
    }

    private record Timing(double compile, double activateMs, double firstDecisionMs, double ownCores, double otherCores) {
        double live() {
            return compile + (activateMs + firstDecisionMs) / 1000;
        }
    }

    private static Timing change(RuleSetCompiler compiler, AtomicReference<RuleSet> active, List<RuleFile> files,
                                 DecisionRequest request) throws RuleSetInvalidException {
        long machine0 = machineBusyNanos();
        long own0 = processCpuNanos();
        long t0 = System.nanoTime();
        RuleSet ruleSet = compiler.compile(files); // validation included: an invalid table throws with its problems
        long t1 = System.nanoTime();
        long own = processCpuNanos() - own0;
        long machine = machineBusyNanos() - machine0;
        active.set(ruleSet);
        long t2 = System.nanoTime();
        decide(active, request);
        long t3 = System.nanoTime();
        return new Timing((t1 - t0) / 1e9, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (double) own / (t1 - t0),
                machine < 0 ? Double.NaN : Math.max(0, (double) (machine - own) / (t1 - t0)));
    }

    private static void decide(AtomicReference<RuleSet> active, DecisionRequest request) {
        new OfferSelection().select(active.get(), request, List.of(), Instant.now());
    }

    /** CPU time of this JVM, all threads (compiler and GC included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Busy CPU time of the whole machine from /proc/stat (user, nice, system, irq, softirq, steal), or -1. */
    static long machineBusyNanos() {
        try {
            String[] f = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (Exception e) {
            return -1;
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPoolPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak (pools peak at different times). */
    private static long poolPeakSum() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    /** Used heap (live and not yet collected) sampled every 5 ms: the peak a heap cap must fit. */
    private static final class Sampler extends Thread {
        final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;

        Sampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                max.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }
    }
}
