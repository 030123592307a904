package io.nextbestaction.common.security;

import io.nextbestaction.common.HttpConfig;
import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * When an API key is configured (NBA_API_KEY), the journey-tool endpoints need it in the X-API-Key header; a
 * signed-in user (the console's session, or HTTP Basic) reads decisions without it.
 */
public class ApiKey {

    public static final String HEADER = "X-API-Key";

    private final Optional<byte[]> key;
    private final CurrentIdentityAssociation identities;

    public ApiKey(HttpConfig config, CurrentIdentityAssociation identities) {
        this.key = config.apiKey().filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
        this.identities = identities;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (key.isEmpty() || !guarded(request.getUriInfo().getPath())) {
            return null;
        }
        if (accepts(request.getHeaderString(HEADER)) || signedInReader(request)) {
            return null;
        }
        return ProblemMappers.respond(Problem.of(401, "Unauthorized", "Send the configured API key in the " + HEADER + " header."));
    }

    /**
     * Compared in constant time: MessageDigest.isEqual looks at every byte of the configured key whatever the given
     * one holds, so the time taken tells nothing of how much of a guess was right.
     */
    boolean accepts(String given) {
        return key.isEmpty() || (given != null && MessageDigest.isEqual(key.get(), given.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A GET of /decisions by a user who signed in. Only asked when the key is missing, and so only then is the
     * identity resolved (the reads of /decisions are blocking, so this runs on a worker thread).
     */
    private boolean signedInReader(ContainerRequestContext request) {
        if (!readableSignedIn(request.getMethod(), request.getUriInfo().getPath())) {
            return false;
        }
        try {
            return !identities.getIdentity().isAnonymous();
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    /** The reads of the journey-tool endpoints a signed-in user may make without the key: the decisions. */
    public static boolean readableSignedIn(String method, String path) {
        return HttpMethod.GET.equalsIgnoreCase(method) && path.startsWith("/decisions");
    }

    /** The journey-tool endpoints, which need the key when one is configured. */
    public static boolean guarded(String path) {
        return path.startsWith("/decide") || path.startsWith("/decisions") || path.startsWith("/contact-history");
    }
}
