package io.nextbestaction.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem: the one shape of every error the service returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem, sent as application/problem+json: the shape of every error.",
        examples = """
                {"type": "about:blank", "title": "Invalid request", "status": 400,
                 "detail": "account.seats.used must be greater than or equal to 0.",
                 "errors": [{"field": "account.seats.used", "message": "must be greater than or equal to 0"}]}""")
public record Problem(
        @Schema(required = true, description = "Always about:blank: the title and status say what happened") String type,
        @Schema(required = true, examples = "Invalid request") String title,
        @Schema(required = true, examples = "400") int status,
        @Schema(description = "What is wrong, in a sentence naming the field, file or version it is about") String detail,
        @Schema(description = "For an invalid request: every field that is wrong, by its JSON path") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", description = "One invalid field of a request")
    public record FieldError(
            @Schema(required = true, description = "The JSON path of the field, e.g. account.seats.used or [2].at; (body) for the body as a whole",
                    examples = "account.seats.used") String field,
            @Schema(required = true, examples = "must be greater than or equal to 0") String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }
}
