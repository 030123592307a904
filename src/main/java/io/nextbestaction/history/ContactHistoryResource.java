package io.nextbestaction.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.common.error.Violations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/contact-history")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact history", description = "Contacts made outside the service, so that caps and cooldowns count them")
public class ContactHistoryResource {

    @Schema(name = "ContactsImported", description = "How many contacts were stored: all the rows sent")
    public record ContactsImported(@Schema(examples = "1") int stored) {
    }

    private final ContactHistory history;
    private final Violations violations;
    private final ObjectMapper json;
    private final OutcomeCounters counters;

    public ContactHistoryResource(ContactHistory history, Violations violations, ObjectMapper json, OutcomeCounters counters) {
        this.history = history;
        this.violations = violations;
        this.json = json;
        this.counters = counters;
    }

    @POST
    @Operation(operationId = "importContacts", summary = "Import contacts made elsewhere", description = "All rows are stored or none; a bad row is named by its index.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ContactRecord.class),
            examples = @ExampleObject(name = "one presentation",
                    value = "[{\"accountId\": \"acc-42\", \"offerId\": \"seat-pack-10\", \"outcome\": \"PRESENTED\", \"at\": \"2026-11-20T09:00:00Z\"}]")))
    @APIResponse(responseCode = "201", description = "Every row stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactsImported.class),
                    examples = @ExampleObject(name = "one presentation", value = "{\"stored\": 1}")))
    @APIResponse(responseCode = "400", description = "A row is invalid (named by its index, e.g. [1].outcome) or in the future; nothing was stored")
    public Response importContacts(String body) throws JsonProcessingException {
        List<ContactRecord> rows = json.readValue(body, new TypeReference<List<ContactRecord>>() { });
        if (rows == null) {
            throw ProblemException.invalid("The body must be an array of contacts.", List.of(new Problem.FieldError("(body)", "must be an array")));
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                throw ProblemException.invalid("[" + i + "] is null.", List.of(new Problem.FieldError("[" + i + "]", "must be an object")));
            }
            violations.check(rows.get(i), "[" + i + "].");
        }
        history.importContacts(rows, Instant.now());
        counters.imported(rows);
        return Response.status(201).entity(new ContactsImported(rows.size())).build();
    }
}
