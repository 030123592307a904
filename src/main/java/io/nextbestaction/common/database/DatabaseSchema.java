package io.nextbestaction.common.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

import java.util.Properties;

/**
 * Says at start which schema the service uses. nba.database.schema wins over a currentSchema in the JDBC URL (the
 * pool sets the search_path after the driver does); a URL that names another schema gets a warning, since its author
 * likely meant the tables to be there.
 */
@ApplicationScoped
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class);

    void onStart(@Observes StartupEvent event, DatabaseConfig config,
                 @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        String urlSchema = currentSchemaOf(url);
        if (urlSchema != null && !urlSchema.equals(config.schema())) {
            LOG.warnf("The JDBC URL names currentSchema=%s, but the service keeps its tables in the schema %s"
                    + " (nba.database.schema, NBA_DATABASE_SCHEMA); set that instead to use %s", urlSchema, config.schema(), urlSchema);
        } else {
            LOG.infof("Tables in the schema %s (nba.database.schema)", config.schema());
        }
    }

    /** The currentSchema parameter of a PostgreSQL JDBC URL, as the driver reads it; null when there is none. */
    static String currentSchemaOf(String url) {
        Properties properties = Driver.parseURL(url, null);
        return properties == null ? null : properties.getProperty("currentSchema");
    }
}
