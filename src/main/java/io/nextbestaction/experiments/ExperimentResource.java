package io.nextbestaction.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.common.error.Violations;
import io.nextbestaction.common.security.Roles;
import io.nextbestaction.reports.ConversionWindow;
import io.nextbestaction.rulesets.ActivationRefusedException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

/**
 * Champion/challenger experiments: an analyst starts one, any signed-in user reads the comparison, an analyst stops
 * it or promotes the challenger (an activation through the regression gate, which an admin may force). The reason of
 * a stop or a promotion is an optional form field, as an activation's is.
 */
@Path("/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Experiments", description = "Champion/challenger rulesets: a challenger version on a share of the accounts, compared")
public class ExperimentResource {

    /** The optional form of a stop or a promotion, as the API document describes it. */
    @Schema(name = "ExperimentEndForm", description = "Why the experiment ends; kept in its audit",
            examples = "{\"reason\": \"the challenger converts better, significant\"}")
    public record EndForm(String reason) {
    }

    private final ExperimentRegistry registry;
    private final ExperimentStore store;
    private final ExperimentComparison comparison;
    private final ObjectMapper json;
    private final Violations violations;
    private final SecurityIdentity identity;

    public ExperimentResource(ExperimentRegistry registry, ExperimentStore store, ExperimentComparison comparison,
                              ObjectMapper json, Violations violations, SecurityIdentity identity) {
        this.registry = registry;
        this.store = store;
        this.comparison = comparison;
        this.json = json;
        this.violations = violations;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    @Operation(operationId = "startExperiment", summary = "Start a champion/challenger experiment",
            description = "Of the accounts not held out, those whose SHA-256 of accountId:key falls below sharePercent are decided by"
                    + " the challenger version, the others by the serving (champion) version; every instance within the ruleset sync"
                    + " interval. Each decision answers and logs the experiment and its arm. One experiment runs at a time.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExperimentStart.class)))
    @APIResponse(responseCode = "201", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Experiment.class)))
    @APIResponse(responseCode = "400", description = "A missing or wrong field, named")
    @APIResponse(responseCode = "404", description = "No such challenger version is stored")
    @APIResponse(responseCode = "409", description = "Another experiment runs (named), the challenger serves already, or it was rejected")
    public Response start(String body) throws JsonProcessingException, SQLException {
        ExperimentStart start = json.readValue(body, ExperimentStart.class);
        violations.check(start, "");
        Experiment started = registry.start(start.normalized(), identity.getPrincipal().getName());
        return Response.created(URI.create("/experiments/" + started.id())).entity(started).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listExperiments", summary = "Every experiment, newest first, with its audit")
    public List<Experiment> list() throws SQLException {
        return store.all();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getExperiment", summary = "An experiment with its arms compared",
            description = "Per arm: decisions, accounts, the versions that decided, the share of decisions with an offer, offers presented"
                    + " and the share of them accepted or purchased, and the share of accounts that converted (an ACCEPTED or"
                    + " PURCHASED outcome or imported contact) within window (ISO-8601, default P14D) after their first decision"
                    + " in the experiment, each with a 95 % Wilson interval; then the challenger minus the champion: absolute and"
                    + " relative lift with 95 % intervals, the p-value, whether it is significant (p < 0.05), and a sentence."
                    + " Summed from the counts the reports' rollup keeps; asOf says up to when decisions and contacts are counted.")
    @APIResponse(responseCode = "200",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentReport.class)))
    @APIResponse(responseCode = "400", description = "A window that is not a whole number of hours")
    @APIResponse(responseCode = "404", description = "No such experiment")
    public ExperimentReport get(@PathParam("id") long id,
                                @QueryParam("window") @DefaultValue(ConversionWindow.DEFAULT) String window) throws SQLException {
        Experiment experiment = store.find(id).orElseThrow(() -> ExperimentRegistry.notFound(id));
        return comparison.report(experiment, ConversionWindow.parse(window));
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed(Roles.ANALYST)
    @Operation(operationId = "stopExperiment", summary = "Stop an experiment: every decision is the champion's again",
            description = "Optional form field reason (urlencoded or multipart), kept in the experiment's audit.")
    @RequestBody(required = false, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = EndForm.class)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = EndForm.class))})
    @APIResponse(responseCode = "200", description = "Stopped",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Experiment.class)))
    @APIResponse(responseCode = "404", description = "No such experiment")
    @APIResponse(responseCode = "409", description = "It no longer runs")
    public Experiment stop(@PathParam("id") long id, @RestForm("reason") String reason) throws SQLException {
        return registry.stop(id, identity.getPrincipal().getName(), blankToNull(reason));
    }

    @POST
    @Path("{id}/promote")
    @RolesAllowed(Roles.ANALYST)
    @Operation(operationId = "promoteExperiment", summary = "Promote the challenger: activate it, and end the experiment",
            description = "Optional form field reason. The challenger is activated as POST /rulesets/{version}/activate activates"
                    + " (approval when required, the regression suites with the version's cases, an admin's force=true, audited);"
                    + " refused, the experiment keeps running.")
    @RequestBody(required = false, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = EndForm.class)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = EndForm.class))})
    @APIResponse(responseCode = "200", description = "Promoted: the challenger serves every decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Experiment.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst, or force=true without the admin role")
    @APIResponse(responseCode = "404", description = "No such experiment")
    @APIResponse(responseCode = "409", description = "It no longer runs, approval missing, or failing regression cases (with the report)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ActivationRefusedException.Refusal.class)))
    public Experiment promote(@PathParam("id") long id,
                              @Parameter(description = "Admin only: activate although regression cases fail; audited")
                              @QueryParam("force") boolean force,
                              @RestForm("reason") String reason) throws SQLException {
        if (force && !identity.hasRole(Roles.ADMIN)) {
            throw new ProblemException(403, "Forbidden", "Only an admin may force a promotion past failing regression cases.");
        }
        return registry.promote(id, identity.getPrincipal().getName(), force, blankToNull(reason));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
