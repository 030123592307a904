package io.nextbestaction.rulesets;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until a version serves: without one the service cannot decide. */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {

    private final RuleSetRegistry registry;

    public RulesReadiness(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return registry.current()
                .map(rs -> HealthCheckResponse.named("rules").up().withData("rulesetVersion", rs.version()).build())
                .orElseGet(() -> HealthCheckResponse.named("rules").down().build());
    }
}
