package io.nextbestaction.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, varied accounts as POST /decide bodies (no requestId: the load script adds a unique one), and
 * the contact history stored for them. The same seed gives the same accounts to the engine-only harness and to
 * the end-to-end run, so both evaluate the same population.
 */
public final class Accounts {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] INDUSTRY_WEIGHTED = Workbooks.INDUSTRIES;
    private static final String[] SIGNALS = {"PLAN_COMPARISON", "PLAN_COMPARISON", "PRICING_PAGE", "SEAT_LIMIT_HIT"};
    private static final String[] PLACEMENTS = {"dashboard-banner", "billing-page", "usage-limit-warning", "settings-page"};
    private static final String[] OUTCOMES = {"PRESENTED", "PRESENTED", "PRESENTED", "PRESENTED", "PRESENTED",
            "PRESENTED", "PRESENTED", "PRESENTED", "PRESENTED", "PRESENTED", "PRESENTED", "PRESENTED", "PRESENTED",
            "CLICKED", "CLICKED", "CLICKED", "DISMISSED", "DISMISSED", "ACCEPTED", "PURCHASED"};

    /** One contact to store before the run; {@code daysAgo} may be fractional. */
    public record HistoryRow(String accountId, String offerId, String outcome, double daysAgo) {
        public Instant at(Instant now) {
            return now.minus(Duration.ofSeconds((long) (daysAgo * 86_400))).truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** One generated account: the request body and its stored history. */
    public record Generated(String id, ObjectNode body, List<HistoryRow> history) {
        public String json() {
            return body.toString();
        }
    }

    private Accounts() {
    }

    public static List<Generated> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Generated> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(account(String.format("bench-acc-%05d", i), random));
        }
        return accounts;
    }

    private static Generated account(String id, Random r) {
        ObjectNode account = NODES.objectNode();
        account.put("id", id);
        int s = r.nextInt(10);
        String segment = s < 6 ? "SMB" : s < 9 ? "MID_MARKET" : "ENTERPRISE";
        account.put("segment", segment);
        int p = r.nextInt(20);
        account.put("plan", p < 10 ? "TEAM" : p < 17 ? "BUSINESS" : "ENTERPRISE");
        account.put("billingCycle", r.nextInt(100) < 55 ? "MONTHLY" : "ANNUAL");
        double mrrBase = switch (segment) { case "SMB" -> 300; case "MID_MARKET" -> 2_500; default -> 12_000; };
        account.put("mrr", Math.round(mrrBase * (0.3 + 1.7 * r.nextDouble())));
        account.put("tenureDays", 10 + r.nextInt(1_500));
        int[] limits = {5, 10, 25, 50, 100, 250};
        int seatLimit = limits[r.nextInt(limits.length)];
        ObjectNode seats = account.putObject("seats");
        seats.put("used", (int) Math.round(seatLimit * (0.3 + 0.85 * r.nextDouble())));
        seats.put("limit", seatLimit);
        ObjectNode usage = account.putObject("usage");
        ObjectNode events = usage.putObject("events");
        events.put("used", (double) Math.round(100_000 * (0.1 + r.nextDouble())));
        events.put("limit", 100_000.0);
        if (r.nextInt(10) < 8) {
            ObjectNode storage = usage.putObject("storageGb");
            storage.put("used", (double) Math.round(100 * (0.05 + r.nextDouble())));
            storage.put("limit", 100.0);
        }
        ArrayNode products = account.putArray("productsOwned");
        products.add("CORE");
        for (String product : Workbooks.PRODUCTS) {
            if (r.nextInt(100) < 25) {
                products.add(product);
            }
        }
        ArrayNode features = account.putArray("featuresUsed");
        for (String feature : Workbooks.FEATURES) {
            if (r.nextInt(100) < 45) {
                features.add(feature);
            }
        }
        account.put("activeRoles", 1 + r.nextInt(6));
        account.put("healthScore", (int) Math.max(0, Math.min(100, Math.round(72 + 15 * r.nextGaussian()))));
        account.put("openTickets", r.nextInt(100) < 75 ? 0 : 1 + r.nextInt(3));
        nullableDays(account, "daysSinceLastTicket", r, 20, 365);
        nullableDays(account, "daysSinceLastPurchase", r, 25, 720);
        nullableDays(account, "daysSinceDowngrade", r, 85, 365);
        account.put("daysToRenewal", r.nextInt(366));
        ObjectNode consent = account.putObject("consent");
        consent.put("EMAIL", r.nextInt(100) < 70);
        consent.put("SMS", r.nextInt(100) < 20);
        ObjectNode attributes = account.putObject("attributes");
        attributes.put("industry", Workbooks.pick(r, INDUSTRY_WEIGHTED));
        attributes.put("region", r.nextBoolean() ? "EMEA" : r.nextBoolean() ? "AMER" : "APAC");

        ObjectNode body = NODES.objectNode();
        body.set("account", account);
        int signalCount = r.nextInt(100) < 40 ? 0 : 1 + r.nextInt(3);
        if (signalCount > 0) {
            ArrayNode signals = body.putArray("signals");
            for (int k = 0; k < signalCount; k++) {
                ObjectNode signal = signals.addObject();
                signal.put("type", Workbooks.pick(r, SIGNALS));
                signal.put("daysAgo", r.nextInt(30));
            }
        }
        int c = r.nextInt(10);
        if (c < 6) {
            body.putArray("channels").add("IN_APP").add("EMAIL");
        } else if (c < 8) {
            body.putArray("channels").add("IN_APP").add("EMAIL").add("SMS");
        } else if (c < 9) {
            body.putArray("channels").add("EMAIL");
        }
        if (r.nextInt(10) < 8) {
            body.put("placement", Workbooks.pick(r, PLACEMENTS));
        }
        body.put("limit", 3);

        // A realistic share of stored history: 70 % of accounts have some, mostly presentations in the last months.
        List<HistoryRow> history = new ArrayList<>();
        if (r.nextInt(100) < 70) {
            int contacts = 1 + r.nextInt(r.nextInt(100) < 20 ? 20 : 6);
            for (int k = 0; k < contacts; k++) {
                double daysAgo = r.nextInt(100) < 10 ? 365 + r.nextInt(200) : r.nextDouble() * (r.nextBoolean() ? 14 : 180);
                history.add(new HistoryRow(id, Workbooks.pick(r, Workbooks.CATALOG_OFFERS),
                        OUTCOMES[r.nextInt(OUTCOMES.length)], daysAgo + 0.01));
            }
        }
        return new Generated(id, body, history);
    }

    private static void nullableDays(ObjectNode account, String field, Random r, int nullPercent, int max) {
        if (r.nextInt(100) < nullPercent) {
            account.putNull(field);
        } else {
            // Skewed towards recent events, as tickets and purchases are.
            account.put(field, (int) Math.floor(max * Math.pow(r.nextDouble(), 1.6)));
        }
    }

    /**
     * Writes OUT/accounts.jsonl (one /decide body per line) and OUT/history-NNN.json (POST /contact-history batches).
     * Usage: Accounts COUNT SEED OUT BATCH
     */
    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        int batch = Integer.parseInt(args[3]);
        Files.createDirectories(out);
        List<Generated> accounts = generate(count, seed);
        Instant now = Instant.now();
        ObjectMapper json = new ObjectMapper();
        int rows = 0;
        int withHistory = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("accounts.jsonl"), StandardCharsets.UTF_8)) {
            for (Generated a : accounts) {
                w.write(json.writeValueAsString(a.body()));
                w.write('\n');
            }
        }
        ArrayNode current = NODES.arrayNode();
        int file = 0;
        for (Generated a : accounts) {
            if (!a.history().isEmpty()) {
                withHistory++;
            }
            for (HistoryRow h : a.history()) {
                ObjectNode row = current.addObject();
                row.put("accountId", h.accountId());
                row.put("offerId", h.offerId());
                row.put("outcome", h.outcome());
                row.put("at", h.at(now).toString());
                rows++;
                if (current.size() == batch) {
                    Files.writeString(out.resolve(String.format("history-%03d.json", file++)), current.toString());
                    current = NODES.arrayNode();
                }
            }
        }
        if (!current.isEmpty()) {
            Files.writeString(out.resolve(String.format("history-%03d.json", file++)), current.toString());
        }
        System.out.printf("accounts=%d with_history=%d history_rows=%d batches=%d%n", count, withHistory, rows, file);
    }
}
