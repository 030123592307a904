package io.nextbestaction.common.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation for request bodies, reported with JSON field paths (account.seats.used, signals[0].daysAgo). */
@ApplicationScoped
public class Violations {

    private final Validator validator;

    public Violations(Validator validator) {
        this.validator = validator;
    }

    /** Throws a 400 problem naming every invalid field; the prefix names where the object sits ("[2]" in a list). */
    public <T> void check(T body, String prefix) {
        if (body == null) {
            throw ProblemException.invalid("The request body is required.", List.of(new Problem.FieldError("(body)", "is required")));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (violations.isEmpty()) {
            return;
        }
        throw invalid(violations.stream()
                .map(v -> new Problem.FieldError(prefix + pathOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList());
    }

    /** The 400 problem for these fields; its detail names the first. */
    static ProblemException invalid(List<Problem.FieldError> errors) {
        Problem.FieldError first = errors.get(0);
        return ProblemException.invalid(first.field() + " " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + ".", errors);
    }

    static String pathOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    field.append('.').append(node.getKey());
                }
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
