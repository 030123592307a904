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

@Path("/rulesets/{version}/regression")
@Produces(MediaType.APPLICATION_JSON)
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
    @Operation(summary = "Run the regression suites against a stored version",
            description = "The same report as ./regress, for the cases the activation gate runs: the pinned suites with the version's own case files "
                    + "(origin VERSION; one replaces the pinned case of the same name): each case, expected against actual offers and suppressions, the rows that fired, and coverage.")
    public RegressionReport run(@PathParam("version") int version) {
        return suites.run(versions.compiled(version), store.caseFilesOf(version));
    }
}
