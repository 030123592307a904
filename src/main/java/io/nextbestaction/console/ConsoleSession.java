package io.nextbestaction.console;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;

/**
 * The console's sign-in session (form sign-in, a cookie): who is signed in, so that the pages offer only what the
 * user's roles allow, and signing out. Everything else the console shows comes from the service's own API.
 */
@Path("/console/session")
public class ConsoleSession {

    public record User(String name, Set<String> roles) {
    }

    private final SecurityIdentity identity;

    public ConsoleSession(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The user signed in to the console, with their roles")
    public User user() {
        return new User(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()));
    }

    @POST
    @Path("sign-out")
    @Authenticated
    @Operation(summary = "Sign out of the console: the session cookie is cleared, then the sign-in page")
    public Response signOut() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/console/sign-in.html")).build();
    }
}
