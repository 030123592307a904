package io.nextbestaction.rulesets;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/** Which version each instance serves, from their heartbeats: an activation reaching every instance, or one lagging. */
@Path("/rulesets/instances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activation")
public class InstancesResource {

    private final InstanceHeartbeat heartbeat;

    public InstancesResource(InstanceHeartbeat heartbeat) {
        this.heartbeat = heartbeat;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listInstances", summary = "The instances seen recently and the version each serves",
            description = "Each instance writes a heartbeat on the sync schedule (nba.rulesets.sync-interval); one not seen for ten "
                    + "intervals, and at least 10 s, is taken for gone and left out. A stopped instance leaves at once.")
    public InstanceHeartbeat.Listing instances() throws SQLException {
        return heartbeat.recent();
    }
}
