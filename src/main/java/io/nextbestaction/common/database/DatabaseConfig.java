package io.nextbestaction.common.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * The database as the service uses it. The schema holds the service's tables, whatever the JDBC URL says: Flyway creates and migrates it, and every
 * connection of the pool starts with it as its search_path (application.properties), so Hibernate, the plain JDBC of
 * the decision path and ./regress all read and write there.
 */
@ConfigMapping(prefix = "nba.database")
public interface DatabaseConfig {

    String DEFAULT_SCHEMA = "nba";
    /** A name PostgreSQL keeps as written, unquoted or quoted alike, so that psql and the service agree on it. */
    String SCHEMA_NAME = "[a-z_][a-z0-9_]{0,62}";
    String SCHEMA_NAME_RULE = "must be lower-case letters, digits and underscores, at most 63, not starting with a digit";

    @WithDefault(DEFAULT_SCHEMA)
    @Pattern(regexp = SCHEMA_NAME, message = SCHEMA_NAME_RULE)
    String schema();

    /**
     * How long a decision may wait for the database, its history read and its log commit together, before it is
     * answered 503 with Retry-After; also how long each statement of a batch may run before it is cancelled.
     */
    @WithDefault("2s")
    Duration deadline();
}
