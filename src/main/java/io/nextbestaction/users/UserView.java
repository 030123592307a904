package io.nextbestaction.users;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A stored user as the API shows it: never its password or hash. */
@Schema(description = "A stored user; the password and its hash are never shown.")
public record UserView(String name, List<String> roles, @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:40:00Z") Instant createdAt,
                       @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T09:40:00Z") Instant passwordChangedAt) {

    static UserView of(StoredUser user) {
        return new UserView(user.name, user.roleList(), user.createdAt, user.passwordChangedAt);
    }
}
