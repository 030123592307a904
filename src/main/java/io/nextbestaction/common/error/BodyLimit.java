package io.nextbestaction.common.error;

import io.nextbestaction.common.HttpConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * JSON bodies are capped at nba.http.max-json-body-size (1 MiB); ruleset uploads only by quarkus.http.limits.max-body-size
 * and their per-file limit. A declared Content-Length over the cap is refused here, as a problem, before any resource runs.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;

    public BodyLimit(HttpConfig config) {
        this.limit = config.http().maxJsonBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        String tooLarge = """
                {"type":"about:blank","title":"Payload too large","status":413,"detail":"The body is larger than the limit of %d bytes."}"""
                .formatted(limit);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (!ctx.normalizedPath().startsWith("/rulesets") && declared != null && !declared.isEmpty() && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                    && Long.parseLong(declared) > limit) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(tooLarge);
            } else {
                ctx.next();
            }
        });
    }
}
