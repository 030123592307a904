package io.nextbestaction.rulesets;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The template workbook for a new offer table, written by the playbook generator (README, "The playbook"). */
@Path("/rulesets/template")
@Tag(name = "Rulesets")
public class TemplateResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String FILE = "offer-table.drl.xlsx";

    @GET
    @Produces(XLSX)
    @Authenticated
    @Operation(operationId = "getTemplate", summary = "A workbook for a new offer table: the offer tables' columns, dropdowns and notes, and an example row",
            description = "Upload it (renamed, with your rows) with POST /rulesets; unchanged, it compiles with the shipped playbook.")
    @APIResponse(responseCode = "200", description = "offer-table.drl.xlsx, as an attachment",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response template() {
        try (InputStream in = TemplateResource.class.getResourceAsStream("/templates/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException("The resource templates/" + FILE + " is missing from the build");
            }
            return Response.ok(in.readAllBytes(), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + FILE + "\"")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
