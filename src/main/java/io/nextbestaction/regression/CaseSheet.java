package io.nextbestaction.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nextbestaction.common.json.Json;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.rules.facts.Outcome;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An Excel test sheet ({@code *.xlsx}): one case per row under a header row whose first cell is "Case". Columns are
 * found by header name:
 * account fields by their JSON path (seats.used, usage.storageGb.limit), lists comma-separated, consent as
 * "EMAIL, SMS", signals as "PLAN_COMPARISON@2", history as "annual-switch PRESENTED 1; analytics-module DISMISSED 10"
 * (days ago), expected offers in order, expected suppressions as "seat-pack-10: FREQUENCY_CAP; annual-switch: NOT_READY".
 */
final class CaseSheet {

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private CaseSheet() {
    }

    static List<RegressionCase> read(String file, byte[] content, RegressionCase.Origin origin) {
        List<RegressionCase> cases = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                Map<String, Integer> columns = null;
                for (Row row : sheet) {
                    String first = text(row.getCell(0));
                    if (columns == null) {
                        if ("Case".equalsIgnoreCase(first)) {
                            columns = new HashMap<>();
                            for (Cell cell : row) {
                                String header = text(cell);
                                if (header != null) {
                                    columns.put(header.trim(), cell.getColumnIndex());
                                }
                            }
                        }
                        continue;
                    }
                    if (first == null) {
                        continue;
                    }
                    int rowNumber = row.getRowNum() + 1;
                    String where = file + " › " + sheet.getSheetName() + " row " + rowNumber;
                    try {
                        cases.add(fromRow(first, where, row, columns, origin));
                    } catch (JsonProcessingException e) {
                        throw new SuiteLoader.SuiteException(file, sheet.getSheetName(), rowNumber, Json.describe(e), e);
                    } catch (RuntimeException e) {
                        throw new SuiteLoader.SuiteException(file, sheet.getSheetName(), rowNumber, String.valueOf(e.getMessage()), e);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof SuiteLoader.SuiteException s ? s : new SuiteLoader.SuiteException(file, null, null,
                    "not a readable .xlsx workbook: " + e.getMessage(), e);
        }
        return cases;
    }

    private static RegressionCase fromRow(String name, String where, Row row, Map<String, Integer> columns,
                                          RegressionCase.Origin origin) throws JsonProcessingException {
        ObjectNode request = Json.mapper().createObjectNode();
        ObjectNode account = request.putObject("account");
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            String header = column.getKey();
            Cell cell = row.getCell(column.getValue());
            String value = text(cell);
            if (value == null) {
                continue;
            }
            switch (header) {
                case "Case", "Expected offers", "Expected suppressions", "Expected holdout", "History" -> { }
                case "channels" -> list(request.putArray("channels"), value);
                case "placement", "experimentKey" -> request.put(header, value);
                case "limit", "holdoutPercent" -> request.put(header, (int) Double.parseDouble(value));
                case "signals" -> {
                    ArrayNode signals = request.putArray("signals");
                    for (String s : value.split(",")) {
                        String[] typeAndDays = s.trim().split("@");
                        signals.addObject().put("type", typeAndDays[0].trim()).put("daysAgo", Integer.parseInt(typeAndDays[1].trim()));
                    }
                }
                case "consent" -> {
                    ObjectNode consent = account.putObject("consent");
                    for (String channel : value.split(",")) {
                        consent.put(channel.trim(), true);
                    }
                }
                case "productsOwned", "featuresUsed" -> list(account.putArray(header), value);
                default -> put(account, header, cell, value);
            }
        }
        if (!account.has("id")) {
            account.put("id", "case-" + name.replaceAll("\\W+", "-"));
        }
        List<RegressionCase.HistoryEntry> history = new ArrayList<>();
        String historyText = cellText(row, columns, "History");
        if (historyText != null) {
            for (String entry : historyText.split(";")) {
                String[] parts = entry.trim().split("\\s+");
                history.add(new RegressionCase.HistoryEntry(parts[0], Outcome.valueOf(parts[1]), Double.parseDouble(parts[2])));
            }
        }
        List<String> offers = new ArrayList<>();
        String offersText = cellText(row, columns, "Expected offers");
        if (offersText != null) {
            for (String o : offersText.split(",")) {
                if (!o.isBlank()) {
                    offers.add(o.trim());
                }
            }
        }
        Map<String, Set<String>> suppressed = new LinkedHashMap<>();
        String suppressedText = cellText(row, columns, "Expected suppressions");
        if (suppressedText != null) {
            for (String s : suppressedText.split(";")) {
                String[] offerAndCode = s.split(":");
                suppressed.computeIfAbsent(offerAndCode[0].trim(), k -> new LinkedHashSet<>()).add(offerAndCode[1].trim());
            }
        }
        String holdoutText = cellText(row, columns, "Expected holdout");
        Boolean holdout = holdoutText == null ? null : Boolean.parseBoolean(holdoutText.trim().toLowerCase(Locale.ROOT));
        return new RegressionCase(name, where, history, Json.mapper().treeToValue(request, DecisionRequest.class), offers, suppressed, holdout, origin);
    }

    /** An account field by its JSON path under account: "plan", "seats.used", "usage.storageGb.limit". */
    private static void put(ObjectNode account, String path, Cell cell, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = account;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        String field = parts[parts.length - 1];
        if (cell.getCellType() == CellType.NUMERIC || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
            double number = cell.getNumericCellValue();
            if (number == Math.rint(number) && !path.equals("mrr") && !path.startsWith("usage.")) {
                node.put(field, (long) number);
            } else {
                node.put(field, number);
            }
        } else {
            node.put(field, value.trim());
        }
    }

    private static void list(ArrayNode array, String value) {
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                array.add(item.trim());
            }
        }
    }

    private static String cellText(Row row, Map<String, Integer> columns, String header) {
        Integer column = columns.get(header);
        return column == null ? null : text(row.getCell(column));
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String text = FORMAT.formatCellValue(cell);
        return text == null || text.isBlank() ? null : text;
    }
}
