package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.rules.ContentHash;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.RuleSetProblem;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Ruleset versions for analysts: upload and validate, read back ({@link ActivationResource} publishes them). */
@Path("/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets", description = "Ruleset versions: upload and validate, read back, the template for a new offer table")
public class RuleSetResource {

    /** The multipart form {@link #upload} reads, as the API document describes it. */
    @Schema(name = "RulesetUpload", description = "Rule files and regression case files, with a comment and the version to build on",
            examples = """
                    {"file": ["upsell.drl.xlsx", "storage-at-85.test.json"], "comment": "business plan from 85% usage", "base": "active"}""")
    public record UploadForm(
            @Schema(required = true, description = "Repeatable: .drl.xlsx, .drl.xls, .drl.csv or .drl rule files and .test.json or .test.xlsx case files, "
                    + "each replacing the base version's file of the same name") List<FileUpload> file,
            @Schema(examples = "business plan from 85% usage") String comment,
            @Schema(description = "The version the files replace files of: active (the default), a version number, or none for a complete ruleset",
                    examples = "2") String base) {
    }

    /** The 422 answer to an upload that failed validation: a problem with the stored version and what is wrong. */
    @Schema(name = "RulesetRejection", description = "A problem naming what keeps an upload from serving; the version is stored as REJECTED",
            examples = """
                    {"type": "about:blank", "title": "Ruleset rejected", "status": 422,
                     "detail": "1 error(s); version 3 is stored as REJECTED and can never serve.", "version": 3,
                     "errors": [{"file": "add-on.drl.xlsx", "sheet": "Add-ons", "cell": "F14",
                                 "message": "7 looks like a percentage; write 0.07 or 7 % (Propensity takes a number from 0 to 1 (80 % is 0.8), e.g. 0.6)",
                                 "detail": null}],
                     "warnings": []}""")
    public record Rejection(String type, String title, int status, String detail,
                            @Schema(description = "The version stored as REJECTED") int version,
                            List<RuleSetProblem> errors, List<RuleSetProblem> warnings) {
    }

    private final RuleSetStore store;
    private final RuleSetSubmission submission;
    private final RuleSetRegistry registry;
    private final SecurityIdentity identity;
    private final RuleSetsConfig limits;

    public RuleSetResource(RuleSetStore store, RuleSetSubmission submission, RuleSetRegistry registry,
                           SecurityIdentity identity, RuleSetsConfig limits) {
        this.store = store;
        this.submission = submission;
        this.registry = registry;
        this.identity = identity;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("analyst")
    @Operation(operationId = "uploadRuleset", summary = "Upload a ruleset: one or more .drl.xlsx, .drl.xls, .drl.csv or .drl files, regression case files (.test.xlsx, .test.json) and a comment",
            description = "The uploaded files replace the files of the same name in the base version (form field base: "
                    + "the active version by default, a version number, or none for a complete ruleset). Validates and stores the next version; case files are stored with it and run by the activation gate with the pinned suite (a case replaces the pinned case of the same name), and expectationsChanged compares them with the base's. 201 when valid (with warnings, if any); 422 with the errors by workbook, sheet and cell when not: the version is stored as REJECTED and can never serve. "
                    + "When the resulting files are those of the base (with base=none: of the active version), nothing is stored: 200 with that version's view, \"unchanged\": true and a detail.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "Stored as VALID",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.Unchanged.class)))
    @APIResponse(responseCode = "200", description = "Nothing changed: the files are those of the version it compares with; no version stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.Unchanged.class)))
    @APIResponse(responseCode = "400", description = "No file, two files of one name, or a base that is not active, none or a number")
    @APIResponse(responseCode = "404", description = "The base version is not stored")
    @APIResponse(responseCode = "413", description = "A file over nba.rulesets.max-file-size, or the upload over quarkus.http.limits.max-body-size")
    @APIResponse(responseCode = "422", description = "Stored as REJECTED; errors name workbook, sheet and cell",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Rejection.class)))
    public Response upload(@RestForm("file") List<FileUpload> uploads, @RestForm("comment") String comment,
                           @RestForm("base") String base) {
        List<RuleFile> uploaded = readUploads(uploads);
        Integer baseVersion = baseVersion(base);
        List<RuleFile> files = onto(baseVersion, uploaded);
        Integer compared = baseVersion != null ? baseVersion : registry.servingVersion();
        String sha256 = ContentHash.of(files).hex();
        Optional<RuleSetVersion> same = Optional.ofNullable(compared).flatMap(store::find).filter(v -> v.sha256.equals(sha256));
        if (same.isPresent()) {
            return Response.ok(new VersionView.Unchanged(true, "Nothing changed: the files are those of version " + same.get().version
                    + "; no version was stored.", view(same.get()))).build();
        }
        RuleSetSubmission.Submitted submitted = submission.submit(files, compared, identity.getPrincipal().getName(), comment,
                RuleSetVersion.Source.UPLOAD);
        RuleSetVersion version = submitted.version();
        if (!submitted.valid()) {
            return Response.status(422).type(Problem.MEDIA_TYPE).entity(new Rejection("about:blank", "Ruleset rejected", 422,
                    submitted.errors().size() + " error(s); version " + version.version + " is stored as REJECTED and can never serve.",
                    version.version, submitted.errors(), submitted.warnings())).build();
        }
        return Response.status(201).entity(view(version)).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listRulesets", summary = "All ruleset versions, newest first")
    public List<VersionView> list() {
        return store.all().stream().map(this::view).toList();
    }

    @GET
    @Path("active")
    @Authenticated
    @Operation(operationId = "getActiveRuleset", summary = "The version that serves")
    @APIResponse(responseCode = "200", description = "The version that serves",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No version is active yet")
    public VersionView active() {
        Integer version = registry.servingVersion();
        if (version == null) {
            throw ProblemException.notFound("No ruleset version is active.");
        }
        return get(version);
    }

    @GET
    @Path("{version}")
    @Authenticated
    @Operation(operationId = "getRuleset", summary = "One version, with its files, errors and warnings")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such version is stored")
    public VersionView get(@PathParam("version") int version) {
        return view(find(version));
    }

    @GET
    @Path("{version}/files/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Authenticated
    @Operation(operationId = "getRulesetFile", summary = "A file of a version, byte for byte as uploaded",
            description = "Sent as an attachment, with the file's SHA-256 as its ETag and the Content-Type of its kind (xlsx, xls, json, csv or text).")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "The version has no file of this name")
    public Response file(@PathParam("version") int version, @PathParam("name") String name) {
        StoredRuleFile file = store.file(version, name)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " has no file " + name + "."));
        return Response.ok(file.content)
                .type(contentTypeOf(name))
                .header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"")
                .header("ETag", "\"" + file.sha256 + "\"")
                .build();
    }

    /** The version the form field base names: the active one by default, null for none. */
    private Integer baseVersion(String base) {
        if (base == null || base.isBlank() || base.equals("active")) {
            return registry.servingVersion();
        }
        if (base.equals("none")) {
            return null;
        }
        if (base.matches("\\d{1,9}")) {
            return find(Integer.parseInt(base)).version;
        }
        throw ProblemException.invalid("base must be active, none or a version number.",
                List.of(new Problem.FieldError("base", "must be active, none or a version number")));
    }

    /** The files of the base version with the uploaded ones in place of those of the same name. */
    private List<RuleFile> onto(Integer baseVersion, List<RuleFile> uploaded) {
        List<RuleFile> files = new ArrayList<>(uploaded);
        if (baseVersion != null) {
            Set<String> replaced = new HashSet<>(uploaded.stream().map(RuleFile::name).toList());
            store.ruleFilesOf(baseVersion).stream().filter(f -> !replaced.contains(f.name())).forEach(files::add);
        }
        return files;
    }

    private RuleSetVersion find(int version) {
        return store.find(version).orElseThrow(() -> ProblemException.notFound("No ruleset version " + version + " is stored."));
    }

    private VersionView view(RuleSetVersion v) {
        List<VersionView.FileView> files = store.filesOf(v.version).stream().map(f -> new VersionView.FileView(f.name, f.sha256, f.content.length)).toList();
        List<ActivationResource.ApprovalView> approvals = store.approvalsOf(v.version).stream().map(ActivationResource.ApprovalView::of).toList();
        return new VersionView(v.version, v.sha256, v.author, v.comment, v.source.name(), v.status.name(),
                v.version.equals(registry.servingVersion()), v.createdAt, files, store.errorsOf(v), store.warningsOf(v), approvals,
                limits.requireApproval() && v.status == RuleSetVersion.Status.VALID && approvals.isEmpty(), v.baseVersion,
                store.expectationsChangedOf(v));
    }

    private List<RuleFile> readUploads(List<FileUpload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw ProblemException.invalid("Upload at least one rule file in a multipart part named \"file\".",
                    List.of(new Problem.FieldError("file", "is required")));
        }
        List<RuleFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FileUpload upload : uploads) {
            String name = upload.fileName() == null ? "" : java.nio.file.Path.of(upload.fileName()).getFileName().toString();
            if (!names.add(name)) {
                throw ProblemException.invalid("Two files are named " + name + ".", List.of(new Problem.FieldError("file", "duplicate file name " + name)));
            }
            if (upload.size() > limits.maxFileSize()) {
                throw new ProblemException(413, "File too large", name + " is " + upload.size() + " bytes; the limit is "
                        + limits.maxFileSize() + " bytes per file.");
            }
            try {
                files.add(new RuleFile(name, Files.readAllBytes(upload.uploadedFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String contentTypeOf(String name) {
        if (name.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (name.endsWith(".xls")) {
            return "application/vnd.ms-excel";
        }
        if (name.endsWith(".json")) {
            return MediaType.APPLICATION_JSON;
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        return "text/plain";
    }
}
