package io.nextbestaction.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.common.json.Json;
import io.nextbestaction.decide.Arbitration;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.decide.DecisionResponse;
import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.decide.Propensities;
import io.nextbestaction.history.PastContact;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rules.RuleSetCompiler;
import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.Findings;
import io.nextbestaction.rules.facts.Outcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Engine-only throughput on ONE thread (the calling thread), plain harness with warm-up:
 * <ul>
 *   <li>{@code engine}: {@code RuleSet.evaluate(Account)} on prebuilt facts, exactly the rule call of a decision;</li>
 *   <li>{@code decide}: {@code OfferSelection.select}: request record + stored history to facts, evaluate,
 *       {@code Arbitration.rank}, holdout: the in-process decision path the service takes, without HTTP, JSON and database;</li>
 *   <li>{@code json}: the same plus reading the request body and writing the response and log JSON, as the service does.</li>
 * </ul>
 * Usage: EngineBench [--rulesets shipped,200,2000,10000] [--modes engine,decide,json] [--accounts 4000]
 *        [--warmup-seconds 4] [--iterations 5] [--iteration-seconds 2] [--tables decision-tables] [--tmp DIR]
 */
public final class EngineBench {

    static volatile long sink;

    private record Input(String body, DecisionRequest request, List<PastContact> history, Account facts) {
    }

    private record Stats(double median, double min, double max) {
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        List<String> rulesets = List.of(option(args, "--rulesets", "shipped,200,2000,10000").split(","));
        List<String> modes = List.of(option(args, "--modes", "engine,decide,json").split(","));
        int accountCount = Integer.parseInt(option(args, "--accounts", "4000"));
        double warmup = Double.parseDouble(option(args, "--warmup-seconds", "4"));
        int iterations = Integer.parseInt(option(args, "--iterations", "5"));
        double iterationSeconds = Double.parseDouble(option(args, "--iteration-seconds", "2"));
        Path tables = Path.of(option(args, "--tables", "decision-tables"));
        Path tmp = Path.of(option(args, "--tmp", System.getProperty("java.io.tmpdir")));

        ObjectMapper json = Json.mapper();
        RuleSetCompiler compiler = new RuleSetCompiler();
        OfferSelection selection = new OfferSelection();
        List<Accounts.Generated> accounts = Accounts.generate(accountCount, 7);

        Table table = new Table(String.format(Locale.ROOT,
                "Engine only: decisions per second on one thread (%d accounts, warm-up %.0f s, median of %d x %.0f s; min-max in brackets)",
                accountCount, warmup, iterations, iterationSeconds),
                "ruleset", "rules", "compile s", "engine.evaluate /s", "us/decision", "OfferSelection.select /s",
                "+ JSON in and out /s", "proposals/decision", "offers/decision", "guardrail hits/decision",
                "cores used by others");
        List<String> results = new ArrayList<>();
        for (String label : rulesets) {
            List<RuleFile> files = label.equals("shipped") ? Playbooks.shipped(tables)
                    : Playbooks.generated(tables, Integer.parseInt(label), tmp);
            long c0 = System.nanoTime();
            RuleSet ruleSet = compiler.compile(files);
            double compileSeconds = (System.nanoTime() - c0) / 1e9;
            if (!label.equals("shipped")) {
                Playbooks.checkCatalog(ruleSet);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Input[] inputs = inputs(accounts, json, ruleSet, now);

            // Shape of the work: what one decision produces on this ruleset, over the whole population.
            long proposals = 0, hits = 0, offers = 0;
            for (Input in : inputs) {
                Findings e = ruleSet.evaluate(in.facts());
                proposals += e.proposals().size();
                hits += e.guardrails().size();
                offers += Arbitration.rank(ruleSet.catalog(), e, in.request(), Propensities.TABLE).offers().size();
            }

            double othersMax = 0;
            String[] cells = new String[6];
            Arrays.fill(cells, "-");
            for (String mode : modes) {
                Runnable[] op = {null};
                int[] next = {0};
                Runnable step = switch (mode) {
                    case "engine" -> () -> {
                        Input in = inputs[next[0]++ % inputs.length];
                        sink += ruleSet.evaluate(in.facts()).proposals().size();
                    };
                    case "decide" -> () -> {
                        Input in = inputs[next[0]++ % inputs.length];
                        OfferSelection.Selection s = selection.select(ruleSet, in.request(), in.history(), now);
                        sink += s.offers().size() + (s.holdout() ? 1 : 0);
                    };
                    case "json" -> () -> {
                        try {
                            Input in = inputs[next[0]++ % inputs.length];
                            DecisionRequest request = json.readValue(in.body(), DecisionRequest.class);
                            OfferSelection.Selection s = selection.select(ruleSet, request, in.history(), now);
                            DecisionResponse response = new DecisionResponse(UUID.randomUUID().toString(), request.account().id(),
                                    ruleSet.version(), s.holdout(), null, s.offers(), s.suppressed(), now);
                            // DecisionService writes the response once, for the log and the answer, and the ranked offers of a holdout.
                            sink += json.writeValueAsString(response).length()
                                    + (s.holdout() ? json.writeValueAsString(s.ranked()).length() : 0);
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    };
                    default -> throw new IllegalArgumentException("unknown mode " + mode);
                };
                op[0] = step;
                warmUp(op[0], warmup);
                double[] perSecond = new double[iterations];
                long machine0 = RuleChangeBench.machineBusyNanos();
                long own0 = RuleChangeBench.processCpuNanos();
                long wall0 = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    perSecond[i] = measure(op[0], iterationSeconds);
                }
                long machine = RuleChangeBench.machineBusyNanos() - machine0;
                double others = machine0 < 0 ? Double.NaN
                        : Math.max(0, (double) (machine - (RuleChangeBench.processCpuNanos() - own0)) / (System.nanoTime() - wall0));
                othersMax = Math.max(othersMax, others);
                Stats stats = stats(perSecond);
                String cell = Table.count(stats.median()) + " [" + Table.count(stats.min()) + "-" + Table.count(stats.max()) + "]";
                switch (mode) {
                    case "engine" -> {
                        cells[0] = cell;
                        cells[1] = Table.fixed(1e6 / stats.median(), 1);
                    }
                    case "decide" -> cells[2] = cell;
                    case "json" -> cells[3] = cell;
                    default -> { }
                }
                results.add(String.format(Locale.ROOT, "RESULT ruleset=%s mode=%s per_second=%.0f min=%.0f max=%.0f",
                        label, mode, stats.median(), stats.min(), stats.max()));
            }
            table.row(label.equals("shipped") ? "shipped (" + tables + ")" : "generated " + Table.count(Integer.parseInt(label)) + " rows",
                    Playbooks.ruleCount(ruleSet), Table.fixed(compileSeconds, 1), cells[0], cells[1], cells[2], cells[3],
                    Table.fixed((double) proposals / inputs.length, 1), Table.fixed((double) offers / inputs.length, 2),
                    Table.fixed((double) hits / inputs.length, 2), Table.fixed(othersMax, 2));
            System.err.printf(Locale.ROOT, "[engine] %s done%n", label);
        }
        results.forEach(System.out::println);
        System.out.print(table.render());
        System.out.println("target: engine.evaluate >= 50,000 decisions/s per thread on the shipped playbook"
                + " (generated rulesets = shipped offer-catalog + guardrails + one generated offer table)");
    }

    /**
     * Warm-up: at least {@code seconds}, then on until two consecutive one-second windows agree within 5 % (Drools
     * compiles constraints to bytecode in the background after some evaluations, and the JIT follows), at most 4x.
     */
    static void warmUp(Runnable op, double seconds) {
        long start = System.nanoTime();
        double previous = 0;
        while (true) {
            double rate = measure(op, 1.0);
            double elapsed = (System.nanoTime() - start) / 1e9;
            boolean stable = previous > 0 && Math.abs(rate - previous) <= 0.05 * Math.max(rate, previous);
            if (elapsed >= 4 * seconds || elapsed >= seconds && stable) {
                return;
            }
            previous = rate;
        }
    }

    /** Runs {@code op} on this thread for about {@code seconds}; returns operations per second. */
    static double measure(Runnable op, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long ops = 0;
        long elapsed;
        do {
            for (int i = 0; i < 16; i++) {
                op.run();
            }
            ops += 16;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return ops / (elapsed / 1e9);
    }

    private static Stats stats(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    private static Input[] inputs(List<Accounts.Generated> accounts, ObjectMapper json, RuleSet ruleSet, Instant now) throws Exception {
        Instant since = now.minus(Duration.ofDays(365)); // nba.history.lookback-days, as ContactHistory.recentFor reads
        Input[] inputs = new Input[accounts.size()];
        for (int i = 0; i < inputs.length; i++) {
            Accounts.Generated a = accounts.get(i);
            String body = a.json();
            DecisionRequest request = json.readValue(body, DecisionRequest.class);
            List<PastContact> history = new ArrayList<>();
            for (Accounts.HistoryRow h : a.history()) {
                Instant at = h.at(now);
                if (!at.isBefore(since)) {
                    history.add(new PastContact(h.offerId(), Outcome.valueOf(h.outcome()), at));
                }
            }
            inputs[i] = new Input(body, request, history, OfferSelection.toFacts(request, history, ruleSet.catalog(), now));
        }
        return inputs;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
