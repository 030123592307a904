package io.nextbestaction.rulesets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.nextbestaction.rules.RuleSetProblem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored ruleset version as the API shows it.
 *
 * @param baseVersion         the version this one was compared with (the upload's base, else the active one)
 * @param expectationsChanged per case name, the regression expectations added, removed or changed against it
 */
@Schema(name = "RulesetVersion", description = "A stored ruleset version: its files, errors, warnings and approvals, and what its cases expect differently from its base",
        examples = """
                {"version": 2, "sha256": "62770f8af01853c0e1a8b7c4d2f9e6a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4", "author": "analyst",
                 "comment": "business plan from 85% usage", "source": "UPLOAD", "status": "VALID", "active": false,
                 "createdAt": "2026-11-23T20:43:00.329Z",
                 "files": [{"name": "upsell.drl.xlsx", "sha256": "9f2c4e6a8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a", "size": 14237}],
                 "errors": [], "warnings": [], "approvals": [], "baseVersion": 1,
                 "expectationsChanged": {"storage at exactly 85% gets the storage add-on": {"change": "CHANGED",
                   "before": {"offers": ["storage-addon-100gb"], "suppressed": {}, "holdout": false, "from": "PINNED",
                              "source": "regression/playbook/threshold-cases.xlsx › Threshold cases row 4"},
                   "after": {"offers": ["plan-upgrade-business", "storage-addon-100gb"], "suppressed": {}, "holdout": false,
                             "from": "VERSION", "source": "storage-at-85.test.json"}}}}""")
public record VersionView(int version,
                          @Schema(description = "SHA-256 of the version's files, 64 hex digits") String sha256,
                          String author, String comment,
                          @Schema(description = "FOLDER (the watched decision-tables folder) or UPLOAD", examples = "UPLOAD") String source,
                          @Schema(description = "VALID, or REJECTED: a rejected version can never serve", examples = "VALID") String status,
                          @Schema(description = "True for the version that serves") boolean active,
                          @Schema(implementation = String.class, format = "date-time", examples = "2026-11-23T20:43:00.329Z") Instant createdAt,
                          List<FileView> files,
                          List<RuleSetProblem> errors, List<RuleSetProblem> warnings,
                          List<ActivationResource.ApprovalView> approvals,
                          @Schema(description = "True while this valid version cannot be activated for want of an approval "
                                  + "(nba.rulesets.require-approval)") boolean awaitingApproval,
                          @Schema(description = "The version this one was compared with; null for none") Integer baseVersion,
                          @Schema(description = "Per case name, how what the cases expect differs from the base version's; equal ones are left out")
                          Map<String, ExpectationChange> expectationsChanged) {

    @Schema(name = "RulesetFile", description = "A file of a version, stored byte for byte")
    public record FileView(@Schema(examples = "upsell.drl.xlsx") String name,
                           @Schema(description = "SHA-256 of the file, 64 hex digits") String sha256,
                           @Schema(description = "Bytes", examples = "14237") int size) {
    }

    /**
     * The 200 answer to an upload whose files are those of the version it compares with: the view of that version. The
     * API document describes the 201 answer (a version view) with its schema too, so that a client reads both
     * answers of an upload as one type.
     */
    @Schema(name = "RulesetUploadResult", description = "The version the upload stored (201); or, marked unchanged with a detail, the version "
            + "whose files the upload repeats (200): nothing was stored",
            examples = """
                    {"unchanged": true, "detail": "Nothing changed: the files are those of version 2; no version was stored.",
                     "version": 2, "sha256": "62770f8af01853c0e1a8b7c4d2f9e6a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4", "author": "analyst",
                     "comment": "business plan from 85% usage", "source": "UPLOAD", "status": "VALID", "active": true,
                     "createdAt": "2026-11-23T20:43:00.329Z",
                     "files": [{"name": "upsell.drl.xlsx", "sha256": "9f2c4e6a8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a", "size": 14237}],
                     "errors": [], "warnings": [], "approvals": [], "baseVersion": 1, "expectationsChanged": {}}""")
    public record Unchanged(@Schema(description = "True when nothing was stored; absent for a stored version") boolean unchanged,
                            @Schema(description = "Why nothing was stored; absent for a stored version",
                                    examples = "Nothing changed: the files are those of version 2; no version was stored.") String detail,
                            @JsonUnwrapped VersionView view) {
    }
}
