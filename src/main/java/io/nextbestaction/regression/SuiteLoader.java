package io.nextbestaction.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nextbestaction.common.json.Json;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.rules.RuleFile;
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
 * (history + request + expect) or a row of an Excel test sheet ({@code *.xlsx} whose header row starts with "Case");
 * and a version's case files ({@code *.test.json}, {@code *.test.xlsx}), read the same way from their bytes.
 */
public final class SuiteLoader {

    /** A case that cannot be read, named by file (and sheet and row, 1-based, for a test sheet). */
    public static class SuiteException extends RuntimeException {
        final String file;
        final String sheet;
        final Integer row;
        final String detail;

        SuiteException(String file, String sheet, Integer row, String detail, Throwable cause) {
            super(file + (sheet == null ? "" : " › " + sheet + " row " + row) + ": " + detail, cause);
            this.file = file;
            this.sheet = sheet;
            this.row = row;
            this.detail = detail;
        }
    }

    private SuiteLoader() {
    }

    /** A pinned suite: a folder or a file. */
    public static List<RegressionCase> load(Path suite) {
        List<RegressionCase> cases = new ArrayList<>();
        if (Files.isDirectory(suite)) {
            try (Stream<Path> files = Files.walk(suite)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    cases.addAll(loadFile(file));
                }
            } catch (IOException e) {
                throw new SuiteException(suite.toString(), null, null, "cannot read the suite: " + e.getMessage(), e);
            }
        } else {
            cases.addAll(loadFile(suite));
        }
        return cases;
    }

    /** The case files of a version, each named by its file name. */
    public static List<RegressionCase> load(List<RuleFile> caseFiles) {
        List<RegressionCase> cases = new ArrayList<>();
        for (RuleFile file : caseFiles) {
            cases.addAll(read(file.name(), file.content(), RegressionCase.Origin.VERSION));
        }
        return cases;
    }

    private static List<RegressionCase> loadFile(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") && !(name.endsWith(".xlsx") && !name.startsWith("~$"))) {
            return List.of();
        }
        try {
            return read(file.toString(), Files.readAllBytes(file), RegressionCase.Origin.PINNED);
        } catch (IOException e) {
            throw new SuiteException(file.toString(), null, null, e.getMessage(), e);
        }
    }

    private static List<RegressionCase> read(String file, byte[] content, RegressionCase.Origin origin) {
        return file.endsWith(".json") ? List.of(fromJson(file, content, origin)) : CaseSheet.read(file, content, origin);
    }

    /** A case in the acceptance shape; its request is read as the service reads a /decide body. */
    static RegressionCase fromJson(String file, byte[] content, RegressionCase.Origin origin) {
        try {
            JsonNode node = Json.mapper().readTree(content);
            List<RegressionCase.HistoryEntry> history = new ArrayList<>();
            for (JsonNode h : node.path("history")) {
                history.add(new RegressionCase.HistoryEntry(h.path("offerId").asText(), Outcome.valueOf(h.path("outcome").asText()), h.path("daysAgo").asDouble()));
            }
            DecisionRequest request = Json.mapper().treeToValue(node.path("request"), DecisionRequest.class);
            if (request == null || request.account() == null) {
                throw new SuiteException(file, null, null, "the case has no request.account", null);
            }
            JsonNode expect = node.path("expect");
            List<String> offers = new ArrayList<>();
            expect.path("offers").forEach(o -> offers.add(o.asText()));
            Map<String, Set<String>> suppressed = new LinkedHashMap<>();
            expect.path("suppressed").fields().forEachRemaining(e -> suppressed.put(e.getKey(), codes(e.getValue())));
            Boolean holdout = expect.has("holdout") ? expect.path("holdout").asBoolean() : null;
            return new RegressionCase(node.path("name").asText(name(file)), file, history, request, offers, suppressed, holdout, origin);
        } catch (JsonProcessingException e) {
            throw new SuiteException(file, null, null, Json.describe(e), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SuiteException(file, null, null, e.getMessage(), e);
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

    /** The case's name when the file gives none: the file name without its folder and extension. */
    private static String name(String file) {
        return Path.of(file).getFileName().toString().replaceFirst("(\\.test)?\\.json$", "");
    }
}
