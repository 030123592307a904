package io.nextbestaction.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.common.error.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.time.Instant;

@Path("/decisions/{decisionId}")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionLogResource {

    /** A logged decision: the request as received and the answer, with the ruleset version that produced it. */
    public record LoggedDecision(String decisionId, String requestId, String accountId, String rulesetVersion,
                                 boolean holdout, Instant createdAt, JsonNode request, JsonNode offers,
                                 JsonNode suppressed, JsonNode response) {
    }

    private final DecisionLog log;
    private final ObjectMapper json;

    public DecisionLogResource(DecisionLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @GET
    @Operation(summary = "Read a logged decision", description = "The request as received, what it offered (also for a holdout) and suppressed, and the answer.")
    public LoggedDecision get(@PathParam("decisionId") String decisionId) throws IOException {
        Decision d = log.byId(decisionId).orElseThrow(() -> ProblemException.notFound("No decision " + decisionId + " is logged."));
        return new LoggedDecision(d.id.toString(), d.requestId, d.accountId, d.rulesetVersion, d.holdout, d.createdAt,
                json.readTree(d.request), json.readTree(d.offers), json.readTree(d.suppressed), json.readTree(d.response));
    }
}
