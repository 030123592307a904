package io.nextbestaction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table: the closing output of every bench script. */
public final class Table {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    public Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public String render() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], c < row.size() ? row.get(c).length() : 0);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append('\n').append(title).append('\n');
        line(out, headers, width);
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append("-".repeat(w + 2)).append('|');
        }
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            line(out, row, width);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            out.append(' ').append(cell).append(" ".repeat(width[c] - cell.length())).append(" |");
        }
        out.append('\n');
    }

    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }
}
