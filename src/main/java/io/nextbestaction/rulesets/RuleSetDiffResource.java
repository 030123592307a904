package io.nextbestaction.rulesets;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/rulesets/{version}/diff/{other}")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetDiffResource {

    private final RuleSetDiff diff;

    public RuleSetDiffResource(RuleSetDiff diff) {
        this.diff = diff;
    }

    @GET
    @Authenticated
    @Operation(summary = "What changes from one version to another",
            description = "From {version} to {other}: files added, removed or changed; rules added, removed or with changed"
                    + " cells (before and after), matched by file, sheet and rule name; and the regression expectations changed.")
    public VersionDiff diff(@PathParam("version") int version, @PathParam("other") int other) {
        return diff.between(version, other);
    }
}
