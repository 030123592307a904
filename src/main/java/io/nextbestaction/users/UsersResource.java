package io.nextbestaction.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;

/** The stored users, managed by an admin. Answers show names, roles and times, never a password or its hash. */
@Path("/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private final Users users;
    private final ObjectMapper json;
    private final SecurityIdentity identity;

    public UsersResource(Users users, ObjectMapper json, SecurityIdentity identity) {
        this.users = users;
        this.json = json;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List the stored users", description = "The configured (embedded) users are not listed.")
    public List<UserView> list() {
        return users.all();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One stored user")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No user of this name is stored")
    public UserView get(@PathParam("name") String name) {
        return users.get(name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a user", description = "The user signs in with HTTP Basic from then on, on every instance.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewUser.class),
            examples = @ExampleObject(name = "analyst",
                    value = "{\"name\": \"bob\", \"password\": \"correct horse battery\", \"roles\": [\"analyst\"]}")))
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "A bad name, a password under 12 characters or over 72 bytes, an unknown role")
    @APIResponse(responseCode = "409", description = "The name is taken by a stored or a configured user")
    public Response create(String body) throws JsonProcessingException {
        UserView created = users.create(json.readValue(body, NewUser.class), identity.getPrincipal().getName());
        return Response.created(URI.create("/users/" + created.name())).entity(created).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a stored user's password, roles, or both")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserChange.class),
            examples = @ExampleObject(name = "new password", value = "{\"password\": \"another long passphrase\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No user of this name is stored")
    @APIResponse(responseCode = "409", description = "An admin taking the admin role from themselves")
    public UserView change(@PathParam("name") String name, String body) throws JsonProcessingException {
        return users.change(name, json.readValue(body, UserChange.class), identity.getPrincipal().getName());
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a stored user", description = "Its next request is refused (401).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No user of this name is stored")
    @APIResponse(responseCode = "409", description = "An admin deleting themselves")
    public Response delete(@PathParam("name") String name) {
        users.delete(name, identity.getPrincipal().getName());
        return Response.noContent().build();
    }
}
