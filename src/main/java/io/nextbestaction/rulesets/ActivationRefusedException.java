package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.Problem;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An activation the gate refused; the 409 answer carries the gate's report. */
public class ActivationRefusedException extends RuntimeException {

    /**
     * The 409 problem, with the report that shows what fails and why. The report is the regression package's, named
     * in the API document by its schema because this package does not depend on that one.
     */
    @Schema(name = "ActivationRefusal", description = "A problem saying why a version was not activated; with the regression report when cases fail",
            examples = """
                    {"type": "about:blank", "title": "Regression cases fail", "status": 409,
                     "detail": "1 of 19 regression cases fail on version 3; it was not activated. An admin may force it with ?force=true.",
                     "report": {"rulesetVersion": "v3 (sha256:0d4be5a4c3f2e1d0)", "passed": 18, "failed": 1,
                                "cases": [{"name": "storage at exactly 85% gets the storage add-on",
                                           "source": "regression/playbook/threshold-cases.xlsx › Threshold cases row 4", "origin": "PINNED",
                                           "passed": false, "expectedOffers": ["storage-addon-100gb"],
                                           "actualOffers": ["plan-upgrade-business", "storage-addon-100gb"],
                                           "missingSuppressions": {}, "actualSuppressions": {}, "expectedHoldout": false,
                                           "actualHoldout": false,
                                           "firedRows": ["upsell.drl.xlsx › Upsell row 13: Business plan: usage high"]}],
                                "coverage": {"rows": [{"row": "upsell.drl.xlsx › Upsell row 13: Business plan: usage high", "cases": 1}],
                                             "guardrails": {"FREQUENCY_CAP": 2}, "uncoveredRows": [], "uncoveredGuardrails": []}}}""")
    public record Refusal(String type, String title, int status, String detail,
                          @Schema(ref = "RegressionReport") Object report) {
    }

    private final transient ActivationGate.Verdict verdict;
    private final int version;

    public ActivationRefusedException(int version, ActivationGate.Verdict verdict) {
        super(verdict.summary() + " on version " + version);
        this.version = version;
        this.verdict = verdict;
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response refuse(ActivationRefusedException e) {
            return Response.status(409).type(Problem.MEDIA_TYPE).entity(new Refusal("about:blank", "Regression cases fail", 409,
                    e.verdict.summary() + " on version " + e.version + "; it was not activated. An admin may force it with ?force=true.",
                    e.verdict.report())).build();
        }
    }
}
