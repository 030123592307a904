package io.nextbestaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A case in the shape of shared/acceptance: history to create, a /decide request, and what to expect. */
public record AcceptanceCase(String file, String name, JsonNode history, JsonNode request,
                             List<String> expectedOffers, Map<String, String> expectedSuppressed, boolean expectedHoldout) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The acceptance cases live in the shipped regression suite. */
    static final Path FOLDER = Path.of("regression", "playbook");

    public static Stream<AcceptanceCase> all() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(AcceptanceCase::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AcceptanceCase read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            JsonNode node = JSON.readTree(in);
            List<String> offers = new ArrayList<>();
            node.path("expect").path("offers").forEach(o -> offers.add(o.asText()));
            Map<String, String> suppressed = new LinkedHashMap<>();
            node.path("expect").path("suppressed").fields().forEachRemaining(e -> suppressed.put(e.getKey(), e.getValue().asText()));
            return new AcceptanceCase(path.getFileName().toString(), node.path("name").asText(), node.path("history"),
                    node.path("request"), offers, suppressed, node.path("expect").path("holdout").asBoolean(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String accountId() {
        return request.path("account").path("id").asText();
    }

    /** The history as POST /contact-history rows, each {@code daysAgo} days before {@code now}. */
    public String contactHistoryBody(Instant now) {
        ArrayNode rows = JSON.createArrayNode();
        for (JsonNode h : history) {
            ObjectNode row = rows.addObject();
            row.put("accountId", accountId());
            row.put("offerId", h.path("offerId").asText());
            row.put("outcome", h.path("outcome").asText());
            row.put("at", now.minus(Duration.ofDays(h.path("daysAgo").asLong())).toString());
        }
        return rows.toString();
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }
}
