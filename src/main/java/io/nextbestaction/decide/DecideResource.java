package io.nextbestaction.decide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.annotation.Timed;
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

import java.util.concurrent.CompletionStage;

@Path("/decide")
public class DecideResource {

    static final String EXAMPLE_REQUEST = """
            {"requestId": "journey-42-step-3",
             "account": {"id": "acc-42", "segment": "SMB", "plan": "TEAM", "billingCycle": "MONTHLY", "tenureDays": 200,
                         "seats": {"used": 9, "limit": 10}, "healthScore": 78, "openTickets": 0, "daysSinceLastTicket": 45,
                         "consent": {"EMAIL": true, "SMS": false}},
             "channels": ["IN_APP", "EMAIL"], "placement": "dashboard-banner", "limit": 3}""";

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
    @Operation(summary = "Rank the next best actions for an account",
            description = "Evaluates the active ruleset on the account facts and stored contact history. The same requestId returns the same decision.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class),
            examples = @ExampleObject(name = "seats nearly full", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The decision, logged durably",
            content = @Content(schema = @Schema(implementation = DecisionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; the problem names the field",
            content = @Content(mediaType = "application/problem+json"))
    @NonBlocking
    public CompletionStage<String> decide(String body) throws JsonProcessingException {
        DecisionRequest request = json.readValue(body, DecisionRequest.class);
        violations.check(request, "");
        return decisions.decide(request, body);
    }
}
