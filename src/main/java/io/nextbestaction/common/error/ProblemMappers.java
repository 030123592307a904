package io.nextbestaction.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nextbestaction.common.json.Json;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every error leaves as application/problem+json; bad JSON names the field it is about. Never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = respond(e.problem());
        return e.retryAfterSeconds() == 0 ? response
                : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    // Listed one by one so that these win over the framework's own mappers for the more specific types.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public Response badJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException cause) {
            return badJson(cause);
        }
        if (e instanceof JsonParseException parse) {
            return respond(Problem.of(400, "Malformed JSON", "The body is not valid JSON at line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + "."));
        }
        if (e instanceof InputCoercionException) {
            return respond(Problem.of(400, "Invalid request", "A number is out of range: " + e.getOriginalMessage()));
        }
        // FAIL_ON_TRAILING_TOKENS has no exception type of its own.
        if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return respond(Problem.of(400, "Malformed JSON", "The body holds more than one JSON value."));
        }
        if (e instanceof JsonMappingException mapping) {
            String field = Json.path(mapping);
            String message = messageFor(mapping);
            return respond(new Problem("about:blank", "Invalid request", 400,
                    (field.isEmpty() ? "The body " : field + " ") + message + ".",
                    List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, message))));
        }
        return respond(Problem.of(400, "Malformed JSON", "The body cannot be read as JSON."));
    }

    /**
     * A problem with the Basic challenge for an API client; a browser asking for a page (Accept: text/html) gets the
     * sign-in form's own answer instead: a redirect to the sign-in page, or back to it marked failed after a wrong
     * password. Configuration cannot say this: quarkus.http.auth.form.* picks one challenge per path or by priority,
     * never by what the client accepts, and a link to an API path (a file download) must reach the sign-in page too.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Uni<Response> unauthorized(RuntimeException e, RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        String accept = context.request().getHeader("Accept");
        boolean page = accept != null && accept.contains("text/html");
        Uni<ChallengeData> challenge = authenticator == null || !page ? Uni.createFrom().nullItem() : authenticator.getChallenge(context);
        return challenge.map(c -> {
            if (c != null && c.status == 302) {
                Response.ResponseBuilder redirect = Response.status(302);
                c.getHeaders().forEach((name, value) -> redirect.header(name.toString(), value));
                return redirect.build();
            }
            return Response.fromResponse(respond(Problem.of(401, "Unauthorized", "Sign in with HTTP Basic as a configured user.")))
                    .header("WWW-Authenticate", "Basic realm=\"nba\"").build();
        });
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this: managing rulesets needs the analyst role, managing users the admin role."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, title, e.getMessage()));
    }

    /**
     * A database that cannot serve now is no defect of the service: 503, to retry, and no log line per request (the
     * outage is logged once by the components that saw it begin, see {@link Outage}).
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Outage.isDatabaseUnavailable(e)) {
            return problem(ProblemException.databaseUnavailable());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of(500, "Internal error", "The service failed to answer; incident " + incident + " is in its log."));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String messageFor(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null && target == null) {
            return "has an invalid value " + invalid.getValue();
        }
        if (target == null) {
            return "is not valid";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return Integer.class == target || Long.class == target || int.class == target || long.class == target
                    ? "must be a whole number" : "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        return "is not valid";
    }
}
