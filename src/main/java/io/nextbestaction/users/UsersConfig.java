package io.nextbestaction.users;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** How the first admin of a production database comes to be; later users are managed through /users. */
@ConfigMapping(prefix = "nba.security")
public interface UsersConfig {

    /** A stored admin created at start when no stored user holds the admin role (roles admin and analyst). */
    Optional<String> bootstrapAdmin();

    /** Its password, kept only as a bcrypt hash; once the admin exists it is not read and can be removed. */
    Optional<String> bootstrapAdminPassword();
}
