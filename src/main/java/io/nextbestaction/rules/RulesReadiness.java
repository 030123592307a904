package io.nextbestaction.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until a ruleset compiled: without one the service cannot decide. */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {

    private final ActiveRuleSet active;

    public RulesReadiness(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        return active.current()
                .map(rs -> HealthCheckResponse.named("rules").up().withData("rulesetVersion", rs.version()).build())
                .orElseGet(() -> HealthCheckResponse.named("rules").down().build());
    }
}
