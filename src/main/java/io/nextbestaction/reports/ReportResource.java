package io.nextbestaction.reports;

import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.decide.Holdout;
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
import java.util.Locale;

@Path("/reports")
public class ReportResource {

    static final String CSV = "text/csv";
    /** The days a report covers when the request names none: the last 30, today included. */
    private static final int DEFAULT_DAYS = 30;

    private final OfferPerformance performance;
    private final HoldoutLift lift;

    public ReportResource(OfferPerformance performance, HoldoutLift lift) {
        this.performance = performance;
        this.lift = lift;
    }

    @GET
    @Path("offers")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offer performance",
            description = "Per group (offer, rule, segment, channel, version or day): the decisions that showed the offer, the"
                    + " offers presented, clicked, accepted, purchased and dismissed, and the conversion and dismissal rates per"
                    + " presented offer with 95 % Wilson intervals. from and to are days (UTC, both included; default the last"
                    + " 30 days); asOf says up to when decisions and outcomes are counted. Also as CSV (Accept: text/csv).")
    public OfferReport offers(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("by") @DefaultValue("offer") String by) throws SQLException {
        LocalDate[] days = days(from, to);
        return performance.report(days[0], days[1], groupBy(by));
    }

    @GET
    @Path("offers")
    @Authenticated
    @Produces(CSV)
    public String offersAsCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("by") @DefaultValue("offer") String by) throws SQLException {
        return ReportCsv.of(offers(from, to, by));
    }

    @GET
    @Path("lift")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lift against the holdout",
            description = "Accounts whose first decision under experimentKey (default expansion-default) was made from from to"
                    + " to (days, UTC, both included; default the last 30 days), treated against held out: the share that"
                    + " converted (an ACCEPTED or PURCHASED outcome or imported contact) within window (ISO-8601, default"
                    + " P14D) after that decision, the absolute and relative lift with 95 % intervals and the p-value of the"
                    + " difference; overall and per offer type.")
    public LiftReport lift(@QueryParam("experimentKey") @DefaultValue(Holdout.DEFAULT_EXPERIMENT) String experimentKey,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("window") @DefaultValue(ConversionWindow.DEFAULT) String window) throws SQLException {
        LocalDate[] days = days(from, to);
        return lift.report(experimentKey, days[0], days[1], ConversionWindow.parse(window));
    }

    /** from and to as days, both included; by default the last 30 days, today included. */
    private static LocalDate[] days(String from, String to) {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : day("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : day("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.invalidField("from", "must not be after to (" + last + ")");
        }
        return new LocalDate[] {first, last};
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a day written as 2026-12-01, not \"" + value + "\"");
        }
    }

    private static OfferReport.GroupBy groupBy(String value) {
        try {
            return OfferReport.GroupBy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("by", "must be one of " + Arrays.stream(OfferReport.GroupBy.values())
                    .map(g -> g.name().toLowerCase(Locale.ROOT)).toList() + ", not \"" + value + "\"");
        }
    }
}
