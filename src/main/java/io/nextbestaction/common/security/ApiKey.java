package io.nextbestaction.common.security;

import io.nextbestaction.common.HttpConfig;
import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** When an API key is configured (NBA_API_KEY), the journey-tool endpoints need it in the X-API-Key header. */
public class ApiKey {

    public static final String HEADER = "X-API-Key";

    private final Optional<byte[]> key;

    public ApiKey(HttpConfig config) {
        this.key = config.apiKey().filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (key.isEmpty() || !guarded(request.getUriInfo().getPath())) {
            return null;
        }
        if (accepts(request.getHeaderString(HEADER))) {
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

    /** The journey-tool endpoints, which need the key when one is configured. */
    public static boolean guarded(String path) {
        return path.startsWith("/decide") || path.startsWith("/decisions") || path.startsWith("/contact-history");
    }
}
