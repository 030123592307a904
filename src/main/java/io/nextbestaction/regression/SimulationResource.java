package io.nextbestaction.regression;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.nextbestaction.common.error.Violations;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.decide.DecisionResponse;
import io.nextbestaction.decide.OfferSelection;
import io.nextbestaction.history.ContactHistory;
import io.nextbestaction.history.PastContact;
import io.nextbestaction.log.DecisionIds;
import io.nextbestaction.rules.RuleSet;
import io.nextbestaction.rulesets.RuleSetRegistry;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** "Try it": a /decide body decided by any stored version, with nothing written. */
@Path("/rulesets/{version}/simulate")
public class SimulationResource {

    private final RuleSetRegistry versions;
    private final OfferSelection selection;
    private final Violations violations;
    private final ObjectMapper json;
    private final AgroalDataSource dataSource;

    public SimulationResource(RuleSetRegistry versions, OfferSelection selection, Violations violations,
                              ObjectMapper json, AgroalDataSource dataSource) {
        this.versions = versions;
        this.selection = selection;
        this.violations = violations;
        this.json = json;
        this.dataSource = dataSource;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide with a stored version, logging nothing",
            description = "A /decide body in, a /decide answer out, decided by the given version (active or not). Nothing is"
                    + " written: the decision id is not logged, no outcome can be recorded against it. The account's stored"
                    + " contact history is read unless the body carries its own `history` ([{offerId, outcome, at}]).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {DecisionRequest.class, SimulationRequest.class})))
    public DecisionResponse simulate(@PathParam("version") int version, String body) throws JsonProcessingException, SQLException {
        DecisionRequest request = json.readValue(body, DecisionRequest.class);
        violations.check(request, "");
        SimulationRequest simulation = json.readValue(body, SimulationRequest.class);
        violations.check(simulation, "");
        RuleSet ruleSet = versions.compiled(version);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OfferSelection.Selection decided = selection.select(ruleSet, request, history(simulation, request, now), now);
        return new DecisionResponse(DecisionIds.next(now.toEpochMilli()).toString(), request.account().id(),
                ruleSet.version(), decided.holdout(), null, decided.offers(), decided.suppressed(), now);
    }

    private List<PastContact> history(SimulationRequest simulation, DecisionRequest request, Instant now) throws SQLException {
        if (simulation.history() != null) {
            return simulation.history().stream().map(c -> new PastContact(c.offerId(), c.outcome(), c.at())).toList();
        }
        try (Connection connection = dataSource.getConnection()) {
            return ContactHistory.asOf(connection, request.account().id(), now);
        }
    }
}
