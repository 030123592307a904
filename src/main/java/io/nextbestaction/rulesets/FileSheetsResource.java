package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.SheetGrid;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** A stored workbook's sheets as grids of cells, for a reviewer's screen: the console marks each problem's cell on them. */
@Path("/rulesets/{version}/files/{name}/sheets")
@Produces(MediaType.APPLICATION_JSON)
public class FileSheetsResource {

    public record FileSheets(int version, String file, List<SheetGrid> sheets) {
    }

    private final RuleSetStore store;

    public FileSheetsResource(RuleSetStore store) {
        this.store = store;
    }

    @GET
    @Authenticated
    @Operation(summary = "A workbook of a version, sheet by sheet, as the cells an analyst sees",
            description = "Each sheet with its rows that show something, each cell with its A1 reference, column letter, text "
                    + "(as the checks and the rules read it: a percent cell is its fraction) and span (a merged region). "
                    + "404 for a file that is not a workbook; 422 for a workbook that cannot be read.")
    public FileSheets sheets(@PathParam("version") int version, @PathParam("name") String name) {
        StoredRuleFile file = store.file(version, name)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " has no file " + name + "."));
        if (!name.endsWith(".xlsx") && !name.endsWith(".xls")) {
            throw ProblemException.notFound(name + " is not a workbook: it has no sheets.");
        }
        try {
            return new FileSheets(version, name, SheetGrid.of(new RuleFile(name, file.content)));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "Unreadable workbook", name + ": " + e.getMessage());
        }
    }
}
