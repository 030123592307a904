package io.nextbestaction.log;

import io.nextbestaction.common.error.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;

@Path("/decisions/{decisionId}")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionLogResource {

    private final DecisionLog log;

    public DecisionLogResource(DecisionLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "Read a logged decision", description = "The request as received, what it offered (also for a holdout) and suppressed, and the answer.")
    public LoggedDecision get(@PathParam("decisionId") String decisionId) throws SQLException {
        return log.byId(decisionId).orElseThrow(() -> ProblemException.notFound("No decision " + decisionId + " is logged."));
    }
}
