package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An activation the gate refused; the 409 answer carries the gate's report. */
public class ActivationRefusedException extends RuntimeException {

    /** The 409 problem, with the report that shows what fails and why. */
    public record Refusal(String type, String title, int status, String detail, Object report) {
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
