package io.nextbestaction.rulesets;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The template workbook for a new offer table, written by the playbook generator (README, "The playbook"). */
@Path("/rulesets/template")
public class TemplateResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String FILE = "offer-table.drl.xlsx";

    @GET
    @Produces(XLSX)
    @Authenticated
    @Operation(summary = "A workbook for a new offer table: the offer tables' columns, dropdowns and notes, and an example row",
            description = "Upload it (renamed, with your rows) with POST /rulesets; unchanged, it compiles with the shipped playbook.")
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
