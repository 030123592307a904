package io.nextbestaction.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nextbestaction.common.json.Json;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.rules.facts.Outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads suites: a folder (or a single file) of cases, each either a JSON file in the acceptance shape
 * (history + request + expect) or a row of an Excel test sheet ({@code *.xlsx} whose header row starts with "Case").
 */
public final class SuiteLoader {

    /** A case that cannot be read, named by file (and sheet and row). */
    public static class SuiteException extends RuntimeException {
        public SuiteException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SuiteLoader() {
    }

    public static List<RegressionCase> load(Path suite) {
        List<RegressionCase> cases = new ArrayList<>();
        if (Files.isDirectory(suite)) {
            try (Stream<Path> files = Files.walk(suite)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    cases.addAll(loadFile(file));
                }
            } catch (IOException e) {
                throw new SuiteException("cannot read the suite " + suite + ": " + e.getMessage(), e);
            }
        } else {
            cases.addAll(loadFile(suite));
        }
        return cases;
    }

    private static List<RegressionCase> loadFile(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            return List.of(fromJson(file));
        }
        if (name.endsWith(".xlsx") && !name.startsWith("~$")) {
            return CaseSheet.read(file);
        }
        return List.of();
    }

    /** A case in the acceptance shape; its request is read as the service reads a /decide body. */
    static RegressionCase fromJson(Path file) {
        try {
            JsonNode node = Json.mapper().readTree(file.toFile());
            List<RegressionCase.HistoryEntry> history = new ArrayList<>();
            for (JsonNode h : node.path("history")) {
                history.add(new RegressionCase.HistoryEntry(h.path("offerId").asText(), Outcome.valueOf(h.path("outcome").asText()), h.path("daysAgo").asDouble()));
            }
            DecisionRequest request = Json.mapper().treeToValue(node.path("request"), DecisionRequest.class);
            if (request == null || request.account() == null) {
                throw new SuiteException(file + ": the case has no request.account", null);
            }
            JsonNode expect = node.path("expect");
            List<String> offers = new ArrayList<>();
            expect.path("offers").forEach(o -> offers.add(o.asText()));
            Map<String, Set<String>> suppressed = new LinkedHashMap<>();
            expect.path("suppressed").fields().forEachRemaining(e -> suppressed.put(e.getKey(), codes(e.getValue())));
            Boolean holdout = expect.has("holdout") ? expect.path("holdout").asBoolean() : null;
            return new RegressionCase(node.path("name").asText(name(file)), file.toString(), history, request, offers, suppressed, holdout);
        } catch (JsonProcessingException e) {
            throw new SuiteException(file + ": " + Json.describe(e), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SuiteException(file + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> codes(JsonNode value) {
        Set<String> codes = new LinkedHashSet<>();
        if (value.isArray()) {
            value.forEach(v -> codes.add(v.asText()));
        } else {
            codes.add(value.asText());
        }
        return codes;
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }
}
