package io.nextbestaction.regression;

import io.nextbestaction.rulesets.RuleSetRegistry;
import io.nextbestaction.rulesets.RuleSetStore;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/rulesets/{version}/regression")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regression", description = "What a version would do: the regression suites, and a replay of logged decisions")
public class RegressionResource {

    private final RuleSetRegistry versions;
    private final RegressionSuites suites;
    private final RuleSetStore store;

    public RegressionResource(RuleSetRegistry versions, RegressionSuites suites, RuleSetStore store) {
        this.versions = versions;
        this.suites = suites;
        this.store = store;
    }

    @POST
    @Authenticated
    @Operation(operationId = "runRegression", summary = "Run the regression suites against a stored version",
            description = "The same report as ./regress, for the cases the activation gate runs: the pinned suites with the version's own case files "
                    + "(origin VERSION; one replaces the pinned case of the same name): each case, expected against actual offers and suppressions, the rows that fired, and coverage.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegressionReport.class)))
    @APIResponse(responseCode = "404", description = "No such version is stored")
    @APIResponse(responseCode = "409", description = "A REJECTED version, or one that no longer compiles")
    public RegressionReport run(@PathParam("version") int version) {
        return suites.run(versions.compiled(version), store.caseFilesOf(version));
    }
}
