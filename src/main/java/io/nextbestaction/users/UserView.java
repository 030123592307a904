package io.nextbestaction.users;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A stored user as the API shows it: never its password or hash. */
@Schema(description = "A stored user; the password and its hash are never shown.")
public record UserView(String name, List<String> roles, Instant createdAt, Instant passwordChangedAt) {

    static UserView of(StoredUser user) {
        return new UserView(user.name, user.roleList(), user.createdAt, user.passwordChangedAt);
    }
}
