package io.nextbestaction.users;

import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.common.security.Roles;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/** What a stored user's name, password and roles must be, for the API and the bootstrap admin alike. */
final class UserRules {

    static final String NAME = "[a-z0-9][a-z0-9._@-]{0,63}";
    static final String NAME_RULE = "must be 1 to 64 lower-case letters, digits or . _ @ -, starting with a letter or digit";
    static final int MIN_PASSWORD_LENGTH = 12;
    static final String PASSWORD_RULE = "must be at least 12 characters";
    /** bcrypt reads no more than 72 bytes: a longer password would match any other with the same first 72 bytes. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final String ROLE = Roles.VIEWER + "|" + Roles.ANALYST + "|" + Roles.ADMIN;
    static final String ROLE_RULE = "must be one of viewer, analyst, admin";

    private UserRules() {
    }

    /** The length in bytes, which Bean Validation cannot check: a 400 naming the field. */
    static void checkPasswordBytes(String password, String field) {
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ProblemException.invalid(field + " must be at most 72 bytes in UTF-8 (bcrypt reads no more).",
                    List.of(new Problem.FieldError(field, "must be at most 72 bytes in UTF-8 (bcrypt reads no more)")));
        }
    }

    /** Each role once, in the order of {@link Roles#ALL}, comma-separated as stored. */
    static String stored(Collection<String> roles) {
        return String.join(",", Roles.ALL.stream().filter(roles::contains).toList());
    }
}
