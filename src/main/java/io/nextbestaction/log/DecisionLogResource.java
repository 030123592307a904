package io.nextbestaction.log;

import io.nextbestaction.common.error.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

@Path("/decisions/{decisionId}")
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

    private final DecisionLog log;

    public DecisionLogResource(DecisionLog log) {
        this.log = log;
    }

    @GET
    @Operation(operationId = "getDecision", summary = "Read a logged decision", description = "The request as received, what it offered (also for a holdout) and suppressed, and the answer.")
    @APIResponse(responseCode = "200", description = "The logged decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoggedDecision.class),
                    examples = @ExampleObject(name = "seats nearly full", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No decision with this id is logged")
    public LoggedDecision get(@PathParam("decisionId") String decisionId) throws SQLException {
        return log.byId(decisionId).orElseThrow(() -> ProblemException.notFound("No decision " + decisionId + " is logged."));
    }
}
