package io.nextbestaction.rulesets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * What changes from one stored version to another, as a reviewer reads it: the files, the rules row by row (matched
 * by file, sheet and rule name), and the regression expectations.
 *
 * @param before              the version compared from
 * @param after               the version compared to
 * @param expectationsChanged per case name, as the gate runs each version's cases
 */
@Schema(name = "VersionDiff", description = "What changes from one stored version to another: files, rules row by row, regression expectations")
public record VersionDiff(int before, int after, List<FileChange> files, List<RowChange> rows,
                          Map<String, ExpectationChange> expectationsChanged) {

    public enum Change { ADDED, REMOVED, CHANGED }

    /** A file added, removed or saved with other bytes (which may change no rule: a re-save). */
    @Schema(name = "FileChange", description = "A file added, removed or saved with other bytes")
    public record FileChange(String file, Change change) {
    }

    /**
     * One rule added, removed or changed.
     *
     * @param sheet     null for a DRL or CSV file
     * @param rowBefore the row in the version compared from (null when ADDED)
     * @param rowAfter  the row in the version compared to (null when REMOVED)
     * @param cells     for CHANGED, each changed cell; for ADDED and REMOVED, every cell of the row
     */
    @Schema(name = "RowChange", description = "One rule added, removed or with changed cells, by file, sheet and rule name")
    public record RowChange(String file, String sheet, String rule, Change change, Integer rowBefore, Integer rowAfter,
                            List<CellChange> cells) {
    }

    /** One cell by its column title; before is null for a row added, after null for a row removed. */
    @Schema(name = "CellChange", description = "One cell by its column's name, before and after")
    public record CellChange(String column, String before, String after) {
    }
}
