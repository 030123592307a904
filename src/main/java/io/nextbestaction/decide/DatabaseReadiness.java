package io.nextbestaction.decide;

import io.nextbestaction.common.error.Outage;
import io.nextbestaction.history.ContactHistory;
import io.nextbestaction.log.DecisionLogWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while decisions cannot read the contact history or be logged in time. Reads what the history reader and
 * the log writer last saw (their calls, or their probes: a cheap statement a second while idle, and 100 ms after each
 * failed one during an outage), so a health call costs no query and readiness comes back within a second of the database.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final ContactHistory contactHistory;
    private final DecisionLogWriter decisionLogWriter;

    public DatabaseReadiness(ContactHistory contactHistory, DecisionLogWriter decisionLogWriter) {
        this.contactHistory = contactHistory;
        this.decisionLogWriter = decisionLogWriter;
    }

    @Override
    public HealthCheckResponse call() {
        Outage history = contactHistory.outage();
        Outage log = decisionLogWriter.outage();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database")
                .withData("contact-history-reader", history.describe())
                .withData("decision-log-writer", log.describe());
        return (history.isDown() || log.isDown() ? response.down() : response.up()).build();
    }
}
