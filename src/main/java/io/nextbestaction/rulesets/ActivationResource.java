package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Instant;
import java.util.List;

/**
 * Publishing versions: approve (four-eyes), activate or roll back, and the audit of activations. The reason and the
 * comment are optional form fields, urlencoded or multipart ({@code curl -F reason=...} or {@code --data-urlencode},
 * an HTML form, a {@code FormData}), as the upload's comment is. No {@code @Consumes}: a request without a form body,
 * whatever its Content-Type, activates as before the reason existed.
 */
@Path("/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activation", description = "Publishing versions: approve (four-eyes), activate or roll back, the audit")
public class ActivationResource {

    /** The optional form of {@link #activate}, as the API document describes it. */
    @Schema(name = "ActivationForm", description = "Why the version is activated; kept in the audit",
            examples = "{\"reason\": \"Q3 plan: business plan from 85%\"}")
    public record ActivationForm(String reason) {
    }

    /** The optional form of {@link #approve}, as the API document describes it. */
    @Schema(name = "ApprovalForm", description = "What the approving analyst checked; kept with the approval",
            examples = "{\"comment\": \"checked the Q3 figures\"}")
    public record ApprovalForm(String comment) {
    }

    @Schema(name = "Activation", description = "One activation: who switched which version to which, when and why",
            examples = """
                    {"fromVersion": 2, "toVersion": 1, "activatedBy": "analyst", "activatedAt": "2026-11-24T09:12:00.120Z",
                     "forced": false, "reason": "support tickets up since v2"}""")
    public record ActivationView(@Schema(description = "The version that served before; null for the first activation") Integer fromVersion,
                                 int toVersion, String activatedBy,
                                 @Schema(implementation = String.class, format = "date-time", examples = "2026-11-24T09:12:00.120Z") Instant activatedAt,
                                 @Schema(description = "True when an admin forced it past failing regression cases") boolean forced,
                                 @Schema(description = "Why, in the words of whoever activated it; null when none was given") String reason) {
        static ActivationView of(Activation a) {
            return new ActivationView(a.fromVersion, a.toVersion, a.activatedBy, a.activatedAt, a.forced, a.reason);
        }
    }

    @Schema(name = "Approval", description = "An analyst's approval of a version for activation",
            examples = """
                    {"version": 4, "approvedBy": "admin", "approvedAt": "2026-11-24T09:10:00.045Z", "comment": "checked the Q3 figures"}""")
    public record ApprovalView(int version, String approvedBy,
                               @Schema(implementation = String.class, format = "date-time", examples = "2026-11-24T09:10:00.045Z") Instant approvedAt,
                               String comment) {
        static ApprovalView of(Approval a) {
            return new ApprovalView(a.version, a.approvedBy, a.approvedAt, a.comment);
        }
    }

    private final RuleSetRegistry registry;
    private final RuleSetStore store;
    private final Approvals approvals;
    private final SecurityIdentity identity;

    public ActivationResource(RuleSetRegistry registry, RuleSetStore store, Approvals approvals, SecurityIdentity identity) {
        this.registry = registry;
        this.store = store;
        this.approvals = approvals;
        this.identity = identity;
    }

    @GET
    @Path("activations")
    @Authenticated
    @Operation(operationId = "listActivations", summary = "The audit of activations: who switched which version to which, when and why")
    public List<ActivationView> activations() {
        return store.activations().stream().map(ActivationView::of).toList();
    }

    @POST
    @Path("{version}/activate")
    @RolesAllowed("analyst")
    @Operation(operationId = "activateRuleset", summary = "Publish a version, or roll back to an older one",
            description = "Optional form field reason (urlencoded or multipart): why, kept in the audit. With nba.rulesets.require-approval, a version "
                    + "needs the approval of an analyst other than its author first (409 otherwise). The regression suites run "
                    + "next: if a case fails, the activation is refused with 409 and the report. An admin may force it "
                    + "(force=true); the override is audited. A REJECTED version is refused with 409. Activating the version "
                    + "already active changes nothing: 200 with its activation, no new audit row.")
    @RequestBody(required = false, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = ActivationForm.class)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ActivationForm.class))})
    @APIResponse(responseCode = "200", description = "The activation now in force (for the version already active, its existing one)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivationView.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst, or force=true without the admin role")
    @APIResponse(responseCode = "404", description = "No such version is stored")
    @APIResponse(responseCode = "409", description = "Rejected version, approval missing, or failing regression cases (with the report)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ActivationRefusedException.Refusal.class)))
    public ActivationView activate(@PathParam("version") int version,
                                   @Parameter(description = "Admin only: activate although regression cases fail; audited")
                                   @QueryParam("force") boolean force,
                                   @RestForm("reason") String reason) {
        if (force && !identity.hasRole("admin")) {
            throw new ProblemException(403, "Forbidden", "Only an admin may force an activation past failing regression cases.");
        }
        return ActivationView.of(registry.activate(version, identity.getPrincipal().getName(), force, blankToNull(reason)));
    }

    @POST
    @Path("{version}/approve")
    @RolesAllowed("analyst")
    @Operation(operationId = "approveRuleset", summary = "Approve a version for activation (four-eyes)",
            description = "Optional form field comment (urlencoded or multipart). An analyst other than the version's author approves it; with "
                    + "nba.rulesets.require-approval a version is activated only once approved. Approvals are listed in GET /rulesets/{version}.")
    @RequestBody(required = false, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = ApprovalForm.class)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ApprovalForm.class))})
    @APIResponse(responseCode = "201", description = "Approved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @APIResponse(responseCode = "200", description = "This analyst approved the version before; the first approval",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst, or the author approving their own version")
    @APIResponse(responseCode = "404", description = "No such version is stored")
    @APIResponse(responseCode = "409", description = "A REJECTED version, which can never serve")
    public Response approve(@PathParam("version") int version, @RestForm("comment") String comment) {
        RuleSetStore.Recorded<Approval> approval = approvals.approve(version, identity.getPrincipal().getName(), blankToNull(comment));
        return Response.status(approval.created() ? 201 : 200).entity(ApprovalView.of(approval.row())).build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
