package io.nextbestaction.users;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of PUT /users/{name}: a field left out stays as it is. */
@Schema(description = "A new password, new roles, or both; a field left out stays as it is.")
public record UserChange(
        @Schema(description = "at least 12 characters, at most 72 bytes in UTF-8")
        @Size(min = UserRules.MIN_PASSWORD_LENGTH, message = UserRules.PASSWORD_RULE) String password,
        @Schema(description = "the user's roles from now on, replacing the old ones: any of viewer, analyst, admin", examples = "[\"analyst\", \"admin\"]")
        List<@NotNull @Pattern(regexp = UserRules.ROLE, message = UserRules.ROLE_RULE) String> roles) {
}
