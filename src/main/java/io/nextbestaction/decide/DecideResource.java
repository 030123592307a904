package io.nextbestaction.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.annotation.Timed;
import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.Violations;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletionStage;

@Path("/decide")
@Tag(name = "Decisions", description = "Decisions for the journey tool: decide, report outcomes, read a logged decision")
public class DecideResource {

    static final String EXAMPLE_REQUEST = """
            {"requestId": "journey-42-step-3",
             "account": {"id": "acc-42", "segment": "SMB", "plan": "TEAM", "billingCycle": "MONTHLY", "tenureDays": 200,
                         "seats": {"used": 9, "limit": 10}, "healthScore": 78, "openTickets": 0, "daysSinceLastTicket": 45,
                         "consent": {"EMAIL": true, "SMS": false}},
             "channels": ["IN_APP", "EMAIL"], "placement": "dashboard-banner", "limit": 3}""";

    static final String EXAMPLE_RESPONSE = """
            {"decisionId": "709e6bc6-47ef-4e7e-87b8-399412e25c45", "accountId": "acc-42",
             "rulesetVersion": "v1 (sha256:62770f8af01853c0)", "holdout": false,
             "offers": [{"rank": 1, "offerId": "seat-pack-10", "type": "ADD_ON", "family": "seats", "channel": "IN_APP",
                         "action": "SELF_SERVE", "propensity": 0.4, "value": 150.0, "score": 60.0,
                         "reasons": ["add-on.drl.xlsx › Add-ons row 14: Seat pack: seats nearly full",
                                     "score 60.0 = propensity 0.4 × value 150.0 × lever 1.0 × placement weight 1.0"]}],
             "suppressed": [{"offerId": "annual-switch", "guardrail": "DOWNGRADE_COOLDOWN", "reason": "daysSinceDowngrade = 20 < 60",
                             "eligibleAgainAt": "2027-01-02T20:43:00Z",
                             "rule": "guardrails.drl.xlsx › Guardrails row 16: Downgrade cooldown: 60 days after a downgrade"}],
             "decidedAt": "2026-11-23T20:43:00.329Z"}""";

    static final String EXAMPLE_INVALID = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "account.seats.used must be greater than or equal to 0.",
             "errors": [{"field": "account.seats.used", "message": "must be greater than or equal to 0"}]}""";

    private final DecisionService decisions;
    private final Violations violations;
    private final ObjectMapper json;

    public DecideResource(DecisionService decisions, Violations violations, ObjectMapper json) {
        this.decisions = decisions;
        this.violations = violations;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timed(value = "nba.decide", description = "Time to answer POST /decide", histogram = true)
    @Operation(operationId = "decide", summary = "Rank the next best actions for an account",
            description = "Evaluates the active ruleset on the account facts and stored contact history. The same requestId returns the same decision.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class),
            examples = @ExampleObject(name = "seats nearly full", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The decision, logged durably",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionResponse.class),
                    examples = @ExampleObject(name = "seats nearly full", value = EXAMPLE_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Invalid request or malformed JSON; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "negative count", value = EXAMPLE_INVALID)))
    @APIResponse(responseCode = "413", description = "The body is larger than nba.http.max-json-body-size")
    @APIResponse(responseCode = "422", description = "The requestId was used before with another request")
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    @NonBlocking
    public CompletionStage<String> decide(String body) throws JsonProcessingException {
        DecisionRequest request = json.readValue(body, DecisionRequest.class);
        violations.check(request, "");
        return decisions.decide(request, body);
    }
}
