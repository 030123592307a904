package io.nextbestaction.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.common.HttpConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * JSON bodies are capped at nba.http.max-json-body-size (1 MiB); ruleset uploads (multipart under /rulesets) only by
 * quarkus.http.limits.max-body-size and their per-file limit. A declared Content-Length over the cap is refused here,
 * as a problem, before any resource runs (also over the server limit, which Quarkus would answer with an empty 413);
 * a JSON body without one (chunked) is held to the cap as it is read, by {@link JsonBodies}.
 */
@ApplicationScoped
public class BodyLimit {

    private final long jsonLimit;
    private final long serverLimit;
    private final ObjectMapper json;

    public BodyLimit(HttpConfig config, ObjectMapper json,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize serverLimit) {
        this.serverLimit = serverLimit.asLongValue();
        this.jsonLimit = Math.min(config.http().maxJsonBodySize().asLongValue(), this.serverLimit);
        this.json = json;
    }

    long jsonLimit() {
        return jsonLimit;
    }

    static Problem tooLarge(long limit) {
        return Problem.of(413, "Payload too large", "The body is larger than the limit of " + limit + " bytes.");
    }

    void install(@Observes Router router) throws JsonProcessingException {
        String jsonTooLarge = json.writeValueAsString(tooLarge(jsonLimit));
        String uploadTooLarge = json.writeValueAsString(tooLarge(serverLimit));
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            boolean upload = ctx.normalizedPath().startsWith("/rulesets");
            if (declared != null && !declared.isEmpty() && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                    && Long.parseLong(declared) > (upload ? serverLimit : jsonLimit)) {
                // The body is not read: the connection closes after the answer, as Quarkus's own limit does it.
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                        .endHandler(ended -> ctx.request().connection().close()).end(upload ? uploadTooLarge : jsonTooLarge);
            } else {
                ctx.next();
            }
        });
    }
}
