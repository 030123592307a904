package io.nextbestaction.reports;

import java.util.Locale;

/** An offer report as CSV (RFC 4180): one line per group, the rates and interval bounds as decimals, empty when none. */
final class ReportCsv {

    private ReportCsv() {
    }

    static String of(OfferReport report) {
        StringBuilder csv = new StringBuilder(report.by().name().toLowerCase(Locale.ROOT)).append(
                ",decisions,presented,clicked,accepted,purchased,dismissed,conversion_rate,conversion_low,conversion_high,"
                        + "dismissal_rate,dismissal_low,dismissal_high\r\n");
        for (OfferReport.Group g : report.groups()) {
            csv.append(quoted(g.key())).append(',').append(g.decisions()).append(',').append(g.presented()).append(',')
                    .append(g.clicked()).append(',').append(g.accepted()).append(',').append(g.purchased()).append(',')
                    .append(g.dismissed());
            for (Proportion p : new Proportion[] {g.conversion(), g.dismissal()}) {
                csv.append(',').append(number(p.rate())).append(',').append(number(p.low())).append(',').append(number(p.high()));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
    }
}
