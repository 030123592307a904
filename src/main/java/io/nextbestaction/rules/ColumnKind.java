package io.nextbestaction.rules;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cells of a column mean, read from the shape of its template: a fraction from 0 to 1 (a utilization, a
 * propensity), a whole number of 0 or more (days, counts, a score, or a pair of them for {@code $1, $2}), a number of
 * 0 or more (catalog values), a prior strength in presentations (Learn), yes or no (Explore), a code in capitals, a
 * text, or unknown (left to Drools).
 *
 * @param shape      the kind of value
 * @param measure    what the template compares or sets, e.g. {@code seatUtilization}
 * @param comparison the comparison the column already makes in words, e.g. "at least" (null: none)
 */
record ColumnKind(Shape shape, String measure, String comparison) {

    enum Shape { FRACTION, WHOLE, PAIR, NUMBER, STRENGTH, YES_NO, CODE, TEXT, UNKNOWN }

    /** The largest Learn strength: a prior worth more presentations than this would hardly learn at all. */
    static final int MAX_STRENGTH = 100_000;

    /** {@code name(args) >= $param}: the measure, and the operator. */
    private static final Pattern COMPARED = Pattern.compile("(\\w+)\\s*(?:\\([^)]*\\))?\\s*(>=|<=|==|!=|>|<)\\s*\\$param\\b");
    /** {@code name($param)}: a method given the value, e.g. {@code ticketWithinDays($param)} or {@code setPropensity($param)}. */
    private static final Pattern CALLED = Pattern.compile("(\\w+)\\(\\s*\\$param\\s*\\)");
    /** Quoted values the fact model compares with or sets as enumeration constants. */
    private static final Pattern CODE = Pattern.compile("\\b(plan|segment|billingCycle)\\s*==\\s*\"\\$"
            + "|\\bset(Action|OfferTypes|Type)\\(\\s*\"\\$param\"|evaluation\\.suppress\\(|forall\\(\\|\\|\\)");
    private static final Pattern FRACTION = Pattern.compile("(?i)utilization|^setPropensity$");
    private static final Pattern WHOLE = Pattern.compile("(?i)days|count|used|roles|tickets|presented|score");
    private static final Pattern NUMBER = Pattern.compile("^set(ValueMonthly|Lever|Weight)$");
    private static final Pattern STRENGTH = Pattern.compile("^setPriorPresentations$");
    private static final Pattern YES_NO = Pattern.compile("\\bsetExplore\\(\\s*\"\\$param\"");
    private static final Map<String, String> IN_WORDS = Map.of(">=", "at least", ">", "more than", "<=", "at most",
            "<", "below", "==", "equal to", "!=", "not");
    private static final ColumnKind UNKNOWN = new ColumnKind(Shape.UNKNOWN, null, null);

    static ColumnKind of(String template) {
        if (template == null) {
            return UNKNOWN;
        }
        if (YES_NO.matcher(template).find()) {
            return new ColumnKind(Shape.YES_NO, null, null);
        }
        if (CODE.matcher(template).find()) {
            return new ColumnKind(Shape.CODE, null, null);
        }
        if (template.contains("\"$param\"")) {
            return new ColumnKind(Shape.TEXT, null, null);
        }
        if (template.contains("$1") && template.contains("$2")) {
            return new ColumnKind(Shape.PAIR, template.toLowerCase(Locale.ROOT).contains("days") ? "days" : "", null);
        }
        Matcher compared = COMPARED.matcher(template);
        Matcher called = CALLED.matcher(template);
        boolean isCompared = compared.find();
        String measure = isCompared ? compared.group(1) : called.find() ? called.group(1) : null;
        String comparison = isCompared ? IN_WORDS.get(compared.group(2)) : null;
        if (measure == null) {
            return UNKNOWN;
        }
        if (STRENGTH.matcher(measure).find()) {
            return new ColumnKind(Shape.STRENGTH, measure, null);
        }
        if (FRACTION.matcher(measure).find()) {
            return new ColumnKind(Shape.FRACTION, measure, comparison);
        }
        if (WHOLE.matcher(measure).find()) {
            return new ColumnKind(Shape.WHOLE, measure, comparison);
        }
        return NUMBER.matcher(measure).find() ? new ColumnKind(Shape.NUMBER, measure, comparison) : UNKNOWN;
    }

    /** Whether the column's values are numbers. */
    boolean numeric() {
        return shape == Shape.FRACTION || shape == Shape.WHOLE || shape == Shape.NUMBER || shape == Shape.PAIR
                || shape == Shape.STRENGTH;
    }

    /** Whether the column counts days, e.g. {@code ticketWithinDays($param)} or {@code daysToRenewal >= $1, ... <= $2}. */
    boolean days() {
        return measure != null && measure.toLowerCase(Locale.ROOT).contains("days");
    }

    /** What a cell of the column holds, e.g. "a number from 0 to 1". */
    String takes() {
        return switch (shape) {
            case FRACTION -> "a number from 0 to 1 (80 % is 0.8)";
            case WHOLE -> days() ? "a whole number of days, 0 or more" : "a whole number, 0 or more";
            case PAIR -> "two whole numbers separated by a comma";
            case NUMBER -> "a number of 0 or more";
            case STRENGTH -> "a number of presentations, a whole number from 1 to " + MAX_STRENGTH;
            case YES_NO -> "yes or no (empty: no)";
            case CODE -> "codes in capitals with underscores";
            case TEXT -> "a text";
            case UNKNOWN -> "a value";
        };
    }

    /** A value of the kind, for a message that has no better example. */
    String example() {
        return switch (shape) {
            case FRACTION -> "0.8";
            case WHOLE -> days() ? "14" : "2";
            case PAIR -> "30, 90";
            case NUMBER -> "150";
            case STRENGTH -> "50";
            case YES_NO -> "yes";
            case CODE -> "SELF_SERVE";
            case TEXT, UNKNOWN -> "";
        };
    }
}
