package io.nextbestaction.common.error;

import java.util.List;

/** Thrown where a request cannot be served; becomes an application/problem+json response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String title, String detail) {
        this(new Problem("about:blank", title, status, detail, null));
    }

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem("about:blank", "Invalid request", 400, detail, errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public Problem problem() {
        return problem;
    }
}
