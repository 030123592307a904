package io.nextbestaction.common.error;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.nextbestaction.common.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL cannot store: U+0000 (text and jsonb refuse it) and a lone surrogate (jsonb refuses it, the driver
 * turns it into '?' in text). A JSON body holding either in any string or key is refused with 400 naming the field,
 * before anything is written: in the decision log it would fail its whole group commit.
 */
final class StorableText {

    private StorableText() {
    }

    /** Throws a 400 problem naming every string (account.id, [0].offerId) and every object with such a key. */
    static void check(JsonFactory factory, String body) throws IOException {
        if (!mayHoldUnstorable(body)) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        try (JsonParser parser = factory.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME && token != JsonToken.VALUE_STRING) {
                    continue;
                }
                String problem = problemWith(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                if (problem != null) {
                    boolean key = token == JsonToken.FIELD_NAME;
                    String field = pathOf(parser.getParsingContext(), key);
                    errors.add(new Problem.FieldError(field.isEmpty() ? "(body)" : field,
                            (key ? "must not have a key that contains " : "must not contain ") + problem));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Violations.invalid(errors);
        }
    }

    /** Without a backslash, the strings of a JSON text hold its own characters: it is enough that none is suspect. */
    private static boolean mayHoldUnstorable(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' || c == 0 || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String problemWith(char[] text, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = text[i];
            if (c == 0) {
                return "U+0000 (NUL), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < offset + length && Character.isLowSurrogate(text[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "a lone surrogate (U+%04X), which is not a character".formatted((int) c);
            }
        }
        return null;
    }

    /** account.attributes.colour, [0].offerId; for a key, the object that holds it (account.attributes). */
    private static String pathOf(JsonStreamContext context, boolean objectOnly) {
        List<Object> steps = new ArrayList<>();
        for (JsonStreamContext c = objectOnly ? context.getParent() : context; c != null && !c.inRoot(); c = c.getParent()) {
            steps.add(0, c.inArray() ? (Object) c.getCurrentIndex() : c.getCurrentName());
        }
        return Json.path(steps);
    }
}
