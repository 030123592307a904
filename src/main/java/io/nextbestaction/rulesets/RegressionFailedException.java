package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.Problem;
import io.nextbestaction.regression.RegressionReport;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An activation refused because cases of the regression suites fail; the answer carries the report. */
public class RegressionFailedException extends RuntimeException {

    /** The 409 problem, with the report that shows which cases fail and why. */
    public record Refusal(String type, String title, int status, String detail, RegressionReport report) {
    }

    private final transient RegressionReport report;
    private final int version;

    public RegressionFailedException(int version, RegressionReport report) {
        super(report.failed() + " regression case(s) fail on version " + version);
        this.version = version;
        this.report = report;
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response refuse(RegressionFailedException e) {
            return Response.status(409).type(Problem.MEDIA_TYPE).entity(new Refusal("about:blank", "Regression cases fail", 409,
                    e.report.failed() + " of " + e.report.cases().size() + " regression cases fail on version " + e.version
                            + "; it was not activated. An admin may force it with ?force=true.", e.report)).build();
        }
    }
}
