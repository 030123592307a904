package io.nextbestaction.common.error;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Every JSON body passes here before its resource sees it. It is held to the JSON cap as it is read, so that a body
 * without Content-Length (chunked) gets the same 413 problem as a declared one and is never stored; and, read as
 * the String the endpoints take (they parse it themselves), it is refused when it holds text PostgreSQL cannot store.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    /** Asked per body: this interceptor is made at static init, before the configuration is read. */
    private final BodyLimit bodyLimit;
    private final JsonFactory factory;

    public JsonBodies(BodyLimit bodyLimit, ObjectMapper json) {
        this.bodyLimit = bodyLimit;
        this.factory = json.getFactory();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        int limit = (int) Math.min(bodyLimit.jsonLimit(), Integer.MAX_VALUE - 8);
        byte[] body = context.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new ProblemException(BodyLimit.tooLarge(limit));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        Object entity = context.proceed();
        if (entity instanceof String text) {
            StorableText.check(factory, text);
        }
        return entity;
    }
}
