package io.nextbestaction.users;

import io.nextbestaction.common.error.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The first admin of a production database: nba.security.bootstrap-admin and its password (from a secret) create a
 * stored admin at start while no stored user holds the admin role. That admin then manages users through /users.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final UsersConfig config;
    private final Users users;

    public BootstrapAdmin(UsersConfig config, Users users) {
        this.config = config;
        this.users = users;
    }

    /** Once a stored admin exists the password is not read: the secret that held it can be removed. */
    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (config.bootstrapAdmin().isEmpty()) {
            return;
        }
        String name = config.bootstrapAdmin().get();
        if (users.adminExists()) {
            LOG.infof("A stored admin exists: nba.security.bootstrap-admin (%s) is not used", name);
            return;
        }
        String password = config.bootstrapAdminPassword().orElseThrow(() -> new ConfigurationException(
                "nba.security.bootstrap-admin is set to " + name + " but nba.security.bootstrap-admin-password is not, "
                        + "and no stored admin exists yet"));
        try {
            if (users.createAdminIfNone(name, password)) {
                LOG.infof("Stored the admin %s (nba.security.bootstrap-admin); the password can now leave the environment", name);
            }
        } catch (ProblemException e) {
            throw new ConfigurationException("nba.security.bootstrap-admin " + name + ": " + e.getMessage());
        }
    }
}
