package io.nextbestaction.reports;

import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@Path("/reports/offers")
public class ReportResource {

    static final String CSV = "text/csv";
    /** The days a report covers when the request names none: the last 30, today included. */
    private static final int DEFAULT_DAYS = 30;

    private final OfferPerformance performance;

    public ReportResource(OfferPerformance performance) {
        this.performance = performance;
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offer performance",
            description = "Per group (offer, rule, segment, channel, version or day): the decisions that showed the offer, the"
                    + " offers presented, clicked, accepted, purchased and dismissed, and the conversion and dismissal rates per"
                    + " presented offer with 95 % Wilson intervals. from and to are days (UTC, both included; default the last"
                    + " 30 days); asOf says up to when decisions and outcomes are counted. Also as CSV (Accept: text/csv).")
    public OfferReport offers(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("by") @DefaultValue("offer") String by) throws SQLException {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : day("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : day("from", from);
        if (first.isAfter(last)) {
            throw invalid("from", "must not be after to (" + last + ")");
        }
        return performance.report(first, last, groupBy(by));
    }

    @GET
    @Authenticated
    @Produces(CSV)
    public String offersAsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("by") @DefaultValue("offer") String by) throws SQLException {
        return ReportCsv.of(offers(from, to, by));
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a day written as 2026-12-01, not \"" + value + "\"");
        }
    }

    private static OfferReport.GroupBy groupBy(String value) {
        try {
            return OfferReport.GroupBy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("by", "must be one of " + Arrays.stream(OfferReport.GroupBy.values())
                    .map(g -> g.name().toLowerCase(Locale.ROOT)).toList() + ", not \"" + value + "\"");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(field + " " + message + ".", List.of(new Problem.FieldError(field, message)));
    }
}
