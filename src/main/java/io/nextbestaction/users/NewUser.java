package io.nextbestaction.users;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of POST /users. */
@Schema(description = "A user to store; only a bcrypt hash of the password is kept.")
public record NewUser(
        @Schema(description = "1 to 64 lower-case letters, digits or . _ @ -, starting with a letter or digit", examples = "bob")
        @NotNull @Pattern(regexp = UserRules.NAME, message = UserRules.NAME_RULE) String name,
        @Schema(description = "at least 12 characters, at most 72 bytes in UTF-8", examples = "a long passphrase")
        @NotNull @Size(min = UserRules.MIN_PASSWORD_LENGTH, message = UserRules.PASSWORD_RULE) String password,
        @Schema(description = "any of viewer, analyst, admin; none: the user only reads", examples = "[\"analyst\"]")
        List<@NotNull @Pattern(regexp = UserRules.ROLE, message = UserRules.ROLE_RULE) String> roles) {
}
