package io.nextbestaction.common.error;

import java.util.List;

/** Thrown where a request cannot be served; becomes an application/problem+json response. */
public class ProblemException extends RuntimeException {

    /** What a 503 asks of the client: try again in a second (the Retry-After header). */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final transient Problem problem;
    private final int retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        this(new Problem("about:blank", title, status, detail, null));
    }

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    private ProblemException(Problem problem, int retryAfterSeconds) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem("about:blank", "Invalid request", 400, detail, errors));
    }

    /** 400 naming one field: "limit must be from 1 to 100." */
    public static ProblemException invalidField(String field, String message) {
        return invalid(field + " " + message + ".", List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    /** 503 with Retry-After: nothing was done, the same request may succeed in a moment. */
    public static ProblemException unavailable(String title, String detail) {
        return new ProblemException(Problem.of(503, title, detail), RETRY_AFTER_SECONDS);
    }

    /** The database cannot serve in time: the request was not served and can be sent again as it is. */
    public static ProblemException databaseUnavailable() {
        return unavailable("Database unavailable", "The database is unavailable or too slow, so nothing was decided or"
                + " stored; retry in a moment. A decision retried with the same requestId is never made twice.");
    }

    /** More requests wait for the database than it can take before their deadline: refused at once. */
    public static ProblemException databaseOverloaded() {
        return unavailable("Overloaded", "Too many requests are waiting for the database, so nothing was decided or"
                + " stored; retry in a moment.");
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for the Retry-After header, 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
