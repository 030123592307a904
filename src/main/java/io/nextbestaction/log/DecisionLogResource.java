package io.nextbestaction.log;

import io.nextbestaction.common.error.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.util.List;

@Path("/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class DecisionLogResource {

    static final String EXAMPLE = """
            {"decisionId": "709e6bc6-47ef-4e7e-87b8-399412e25c45", "requestId": null, "accountId": "acc-42",
             "rulesetVersion": "v1 (sha256:62770f8af01853c0)", "holdout": false, "createdAt": "2026-11-23T20:43:00.329Z",
             "request": {"account": {"id": "acc-42", "segment": "SMB", "seats": {"used": 9, "limit": 10}, "daysSinceDowngrade": 20},
                         "channels": ["IN_APP", "EMAIL"], "holdoutPercent": 0},
             "offers": [{"rank": 1, "offerId": "seat-pack-10", "type": "ADD_ON", "family": "seats", "channel": "IN_APP",
                         "action": "SELF_SERVE", "propensity": 0.4, "value": 150.0, "score": 60.0,
                         "reasons": ["add-on.drl.xlsx › Add-ons row 14: Seat pack: seats nearly full"]}],
             "suppressed": [{"offerId": "annual-switch", "guardrail": "DOWNGRADE_COOLDOWN", "reason": "daysSinceDowngrade = 20 < 60",
                             "eligibleAgainAt": "2027-01-02T20:43:00Z",
                             "rule": "guardrails.drl.xlsx › Guardrails row 16: Downgrade cooldown: 60 days after a downgrade"}],
             "response": {"decisionId": "709e6bc6-47ef-4e7e-87b8-399412e25c45", "accountId": "acc-42",
                          "rulesetVersion": "v1 (sha256:62770f8af01853c0)", "holdout": false,
                          "offers": [{"rank": 1, "offerId": "seat-pack-10", "type": "ADD_ON", "family": "seats", "channel": "IN_APP",
                                      "action": "SELF_SERVE", "propensity": 0.4, "value": 150.0, "score": 60.0,
                                      "reasons": ["add-on.drl.xlsx › Add-ons row 14: Seat pack: seats nearly full"]}],
                          "suppressed": [{"offerId": "annual-switch", "guardrail": "DOWNGRADE_COOLDOWN",
                                          "reason": "daysSinceDowngrade = 20 < 60", "eligibleAgainAt": "2027-01-02T20:43:00Z",
                                          "rule": "guardrails.drl.xlsx › Guardrails row 16: Downgrade cooldown: 60 days after a downgrade"}],
                          "decidedAt": "2026-11-23T20:43:00.329Z"}}""";

    /** The most decisions one list answers: enough to read an account's story, small enough to answer at once. */
    static final int MAX_LIMIT = 100;

    private final DecisionLog log;

    public DecisionLogResource(DecisionLog log) {
        this.log = log;
    }

    @GET
    @Operation(operationId = "listDecisions", summary = "An account's recent decisions, newest first",
            description = "Each in brief (when, the version, the offers answered, what guardrails held back); GET /decisions/{decisionId} has the whole decision.")
    @APIResponse(responseCode = "200", description = "The account's newest decisions; an empty list for an account never decided for",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DecisionSummary.class)))
    @APIResponse(responseCode = "400", description = "accountId missing or holding U+0000, or limit not a whole number from 1 to 100")
    public List<DecisionSummary> recent(@Parameter(description = "The account", required = true, example = "acc-42") @QueryParam("accountId") String accountId,
                                        @Parameter(description = "How many, from 1 to 100", example = "20",
                                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                                        @QueryParam("limit") @DefaultValue("20") String limit)
            throws SQLException {
        if (accountId == null || accountId.isBlank()) {
            throw ProblemException.invalidField("accountId", "is required");
        }
        if (accountId.indexOf('\u0000') >= 0) {
            throw ProblemException.invalidField("accountId", "must not contain U+0000");
        }
        return log.recentFor(accountId, limit(limit));
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // named below, as a number out of range is
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", not \"" + text + "\"");
    }

    @GET
    @Path("{decisionId}")
    @Operation(operationId = "getDecision", summary = "Read a logged decision", description = "The request as received, what it offered (also for a holdout) and suppressed, and the answer.")
    @APIResponse(responseCode = "200", description = "The logged decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoggedDecision.class),
                    examples = @ExampleObject(name = "seats nearly full", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No decision with this id is logged")
    public LoggedDecision get(@PathParam("decisionId") String decisionId) throws SQLException {
        return log.byId(decisionId).orElseThrow(() -> ProblemException.notFound("No decision " + decisionId + " is logged."));
    }
}
