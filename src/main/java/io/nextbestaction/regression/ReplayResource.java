package io.nextbestaction.regression;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.decide.LearnedPropensities;
import io.nextbestaction.rulesets.RuleSetRegistry;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

@Path("/rulesets/{version}/replay")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regression")
public class ReplayResource {

    static final int MAX_DECISIONS = 100_000;

    private final RuleSetRegistry versions;
    private final Replay replay;
    private final AgroalDataSource dataSource;
    private final LearnedPropensities learned;

    public ReplayResource(RuleSetRegistry versions, Replay replay, AgroalDataSource dataSource, LearnedPropensities learned) {
        this.versions = versions;
        this.replay = replay;
        this.dataSource = dataSource;
        this.learned = learned;
    }

    @POST
    @Authenticated
    @Operation(operationId = "replayDecisions", summary = "Replay the last logged decisions against a version",
            description = "Re-decides the last N logged decisions (each at its own time, with the history it had) and reports how many would change: top offer, offers added or removed, suppressions added or removed, by offer and by segment."
                    + " By default with the tables' propensities (the same report however long after); `propensities=learned` uses what the offers have learned as this instance serves it now.")
    @APIResponse(responseCode = "200", description = "The impact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayReport.class)))
    @APIResponse(responseCode = "400", description = "last is not from 1 to 100000, or propensities is neither table nor learned")
    @APIResponse(responseCode = "404", description = "No such version is stored")
    @APIResponse(responseCode = "409", description = "A REJECTED version, or one that no longer compiles")
    @APIResponse(responseCode = "422", description = "A logged decision cannot be read; the problem names it")
    public ReplayReport replay(@PathParam("version") int version,
                               @Parameter(description = "How many of the newest logged decisions to replay, 1 to 100000")
                               @QueryParam("last") @DefaultValue("1000") int last,
                               @Parameter(description = "table: the tables' propensities only; learned: what learning rows have learned, as served now")
                               @QueryParam("propensities") @DefaultValue("table") String propensities) throws SQLException {
        if (last < 1 || last > MAX_DECISIONS) {
            throw ProblemException.invalidField("last", "must be from 1 to " + MAX_DECISIONS);
        }
        if (!propensities.equals("table") && !propensities.equals("learned")) {
            throw ProblemException.invalidField("propensities", "must be table or learned");
        }
        var candidate = versions.compiled(version);
        try (Connection connection = dataSource.getConnection()) {
            return replay.run(candidate, connection, last, propensities.equals("learned") ? learned.current() : Optional.empty());
        }
    }
}
