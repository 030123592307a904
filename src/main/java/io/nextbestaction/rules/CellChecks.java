package io.nextbestaction.rules;

import io.nextbestaction.rules.ColumnKind.Shape;
import io.nextbestaction.rules.DecisionTableReader.Column;
import io.nextbestaction.rules.DecisionTableReader.SheetContent;
import io.nextbestaction.rules.DecisionTableReader.Table;
import io.nextbestaction.rules.DecisionTableReader.TableRow;
import io.nextbestaction.rules.SheetCells.CellText;
import org.apache.poi.ss.util.CellReference;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.nextbestaction.rules.RuleSetProblem.at;

/**
 * The data cells of a sheet's tables against what their column means ({@link ColumnKind}), before Drools sees them:
 * each mistake named at its cell in plain words with the fix, e.g. {@code "high" is not a number; Propensity takes a
 * number from 0 to 1 (80 % is 0.8), e.g. 0.4}. Also a row without a rule name.
 */
final class CellChecks {

    private static final Pattern FORMULA_ERROR = Pattern.compile("#(NULL!|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|N/A|SPILL!|CALC!)");
    private static final Pattern PERCENT_TEXT = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d*,\\d+");
    private static final Pattern COMPARED = Pattern.compile(
            "(?i)(≥|≤|>=|<=|=>|=<|>|<|=|at least|at most|more than|less than|below|above|over|under)\\s*([+-]?[\\d.,]+\\s*%?)");
    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private CellChecks() {
    }

    /** The cells of every table, except those in {@code flagged} (A1 references another check already named). */
    static void check(RuleFile file, SheetContent sheet, Set<String> flagged, List<RuleSetProblem> errors) {
        for (Table table : sheet.tables()) {
            Column nameColumn = table.columns().stream().filter(Column::isName).findFirst().orElse(null);
            for (TableRow row : table.rows()) {
                if (nameColumn != null && row.ruleName() == null) {
                    errors.add(at(file, sheet.sheet(), ref(nameColumn, row.row()), "the row has no rule name; say in a few words what "
                            + "the row does (the name explains each decision it makes), e.g. " + example(table)));
                }
                for (Column column : table.columns()) {
                    CellText cell = row.cell(column);
                    if (cell == null || column.isName() || flagged.contains(cell.ref())) {
                        continue;
                    }
                    String problem = problem(ColumnKind.of(column.template()), cell.text(), cell.number());
                    if (problem != null) {
                        errors.add(at(file, sheet.sheet(), cell.ref(), problem.replace("{rule}", rule(table, column))));
                    }
                }
                exploreWithoutLearn(table, row).ifPresent(ref -> errors.add(at(file, sheet.sheet(), ref, "Explore needs a "
                        + "Learn strength on the same row: exploring samples the propensity from what the row has learned")));
            }
        }
    }

    /** The Explore cell of a row that explores without learning. */
    private static Optional<String> exploreWithoutLearn(Table table, TableRow row) {
        CellText explore = null;
        boolean learns = false;
        for (Column column : table.columns()) {
            Shape shape = ColumnKind.of(column.template()).shape();
            CellText cell = row.cell(column);
            if (shape == Shape.YES_NO && cell != null && cell.text().trim().equalsIgnoreCase("yes")) {
                explore = cell;
            }
            learns |= shape == Shape.STRENGTH && cell != null;
        }
        return explore == null || learns ? Optional.empty() : Optional.of(explore.ref());
    }

    /** What is wrong with a value, or null; "{rule}" stands for what the column takes. */
    static String problem(ColumnKind kind, String text, Double number) {
        if (FORMULA_ERROR.matcher(text).matches()) {
            return "the formula in this cell gives the error " + text + "; {rule}";
        }
        return switch (kind.shape()) {
            case FRACTION, WHOLE, NUMBER, STRENGTH -> number == null ? notANumber(kind, text) : outOfRange(kind, text, number);
            case YES_NO -> text.trim().equalsIgnoreCase("yes") || text.trim().equalsIgnoreCase("no") ? null
                    : "\"" + text + "\": write yes, or no (or leave the cell empty); {rule}";
            case PAIR -> pair(kind, text);
            case CODE -> code(text);
            case TEXT -> text.contains("\"") ? "\"" + text + "\": a text may not hold double quotes" : null;
            case UNKNOWN -> null;
        };
    }

    private static String notANumber(ColumnKind kind, String text) {
        Matcher percent = PERCENT_TEXT.matcher(text);
        Matcher compared = COMPARED.matcher(text);
        if (percent.matches() && kind.shape() == Shape.FRACTION) {
            return "\"" + text + "\" is written as text; write " + hundredth(percent.group(1))
                    + ", or " + percent.group(1) + " % as a number formatted as a percentage";
        }
        if (COMMA_DECIMAL.matcher(text).matches()) {
            return "\"" + text + "\": write the decimal with a point, e.g. " + text.replace(',', '.');
        }
        if (compared.matches()) {
            String value = compared.group(2).replace(',', '.').trim();
            value = value.endsWith("%") ? hundredth(value.substring(0, value.length() - 1).trim()) : value;
            return "\"" + text + "\": write only the number, e.g. " + value + "; the column already "
                    + (kind.comparison() == null ? "makes the comparison" : "says \"" + kind.comparison() + "\"");
        }
        return "\"" + text + "\" is not a number" + (kind.days() ? " of days" : "") + "; {rule}";
    }

    private static String outOfRange(ColumnKind kind, String text, double value) {
        if (value < 0) {
            return text + " cannot be negative; {rule}";
        }
        if (kind.shape() == Shape.FRACTION && value > 1) {
            return value >= 2 && value <= 100 ? text + " looks like a percentage; write " + hundredth(text) + " or " + text + " %" + " ({rule})"
                    : text + " is more than 1; {rule}";
        }
        if ((kind.shape() == Shape.WHOLE || kind.shape() == Shape.STRENGTH) && value != Math.rint(value)) {
            return text + " is not a whole number; {rule}";
        }
        if (kind.shape() == Shape.STRENGTH && (value < 1 || value > ColumnKind.MAX_STRENGTH)) {
            return text + " is not from 1 to " + ColumnKind.MAX_STRENGTH + "; {rule}";
        }
        return null;
    }

    private static String pair(ColumnKind kind, String text) {
        String[] parts = text.split(",");
        if (parts.length == 2 && WHOLE.matcher(parts[0].trim()).matches() && WHOLE.matcher(parts[1].trim()).matches()) {
            return null;
        }
        if (Arrays.stream(parts).anyMatch(part -> part.trim().matches("-\\s*\\d+"))) {
            return "\"" + text + "\": a window or count cannot be negative; {rule}";
        }
        return "\"" + text + "\": write two whole numbers" + (kind.days() ? " of days" : "") + " separated by a comma, e.g. "
                + kind.example();
    }

    private static String code(String text) {
        for (String part : text.split(",")) {
            String code = part.trim();
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                String capitals = code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
                return "\"" + code + "\": codes are written in capitals with underscores, e.g. "
                        + (CODE.matcher(capitals).matches() ? capitals : "SELF_SERVE");
            }
        }
        return null;
    }

    /** "80" as "0.8". */
    private static String hundredth(String number) {
        return new BigDecimal(number).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    /** What a column takes, with an example from its own rows where one is right. */
    private static String rule(Table table, Column column) {
        ColumnKind kind = ColumnKind.of(column.template());
        String example = table.rows().stream().map(r -> r.cell(column)).filter(c -> c != null && problem(kind, c.text(), c.number()) == null)
                .map(CellText::text).findFirst().orElse(kind.example());
        String name = column.name() == null ? "the column" : column.name();
        return name + " takes " + kind.takes() + (example.isEmpty() ? "" : ", e.g. " + example);
    }

    private static String example(Table table) {
        return table.rows().stream().map(TableRow::ruleName).filter(java.util.Objects::nonNull).findFirst()
                .map(n -> "\"" + n + "\"").orElse("\"Seat pack: seats nearly full\"");
    }

    private static String ref(Column column, int row) {
        return new CellReference(row - 1, column.index()).formatAsString(false);
    }
}
