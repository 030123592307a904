package io.nextbestaction.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.common.error.Violations;
import io.nextbestaction.rules.facts.Outcome;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.time.Instant;

@Path("/decisions/{decisionId}/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class OutcomeResource {

    /** The answer: the outcome as stored, for the decision and offer it is about. */
    @Schema(name = "OutcomeRecorded", description = "The outcome as stored, for the decision and offer it is about")
    public record OutcomeRecorded(@Schema(examples = "709e6bc6-47ef-4e7e-87b8-399412e25c45") String decisionId,
                                  @Schema(examples = "seat-pack-10") String offerId, Outcome outcome) {
    }

    static final String EXAMPLE_RECORDED = """
            {"decisionId": "709e6bc6-47ef-4e7e-87b8-399412e25c45", "offerId": "seat-pack-10", "outcome": "PRESENTED"}""";

    private final ContactHistory history;
    private final Violations violations;
    private final ObjectMapper json;
    private final OutcomeCounters counters;
    private final OutcomesSince since;

    public OutcomeResource(ContactHistory history, Violations violations, ObjectMapper json, OutcomeCounters counters,
                           OutcomesSince since) {
        this.history = history;
        this.violations = violations;
        this.json = json;
        this.counters = counters;
        this.since = since;
    }

    @GET
    @Operation(operationId = "outcomesSinceDecision", summary = "What happened after a decision",
            description = "The account's contacts from the decision on, oldest first (at most 200): the outcomes reported for this "
                    + "decision, for the account's later decisions, and the contacts imported through /contact-history.")
    @APIResponse(responseCode = "200", description = "The contacts since the decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomesSince.Answer.class)))
    @APIResponse(responseCode = "404", description = "No decision with this id is logged")
    public OutcomesSince.Answer outcomesSince(@PathParam("decisionId") String decisionId) throws SQLException {
        return since.of(decisionId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordOutcome", summary = "Report what happened to an offer of a decision",
            description = "Stored durably before 201; it counts for caps from then on. A repeat of the same outcome is idempotent (200).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OutcomeReport.class),
            examples = @ExampleObject(name = "presented",
                    value = "{\"offerId\": \"seat-pack-10\", \"outcome\": \"PRESENTED\", \"at\": \"2026-11-23T10:00:00Z\"}")))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeRecorded.class),
                    examples = @ExampleObject(name = "presented", value = EXAMPLE_RECORDED)))
    @APIResponse(responseCode = "200", description = "The same outcome was stored before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeRecorded.class),
                    examples = @ExampleObject(name = "presented", value = EXAMPLE_RECORDED)))
    @APIResponse(responseCode = "400", description = "Invalid outcome report; the problem names the field")
    @APIResponse(responseCode = "404", description = "Unknown decision, or an offer the decision did not make")
    public Response recordOutcome(@PathParam("decisionId") String decisionId, String body) throws JsonProcessingException, SQLException {
        OutcomeReport report = json.readValue(body, OutcomeReport.class);
        violations.check(report, "");
        boolean created = history.recordOutcome(decisionId, report, Instant.now());
        if (created) {
            counters.reported(report.offerId(), report.outcome());
        }
        return Response.status(created ? 201 : 200)
                .entity(new OutcomeRecorded(decisionId, report.offerId(), report.outcome()))
                .build();
    }
}
