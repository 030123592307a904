package io.nextbestaction.rulesets;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each instance says which version it serves; an instance that stopped writing its heartbeat is not listed. */
@QuarkusTest
class InstanceHeartbeatTest {

    @Inject
    InstanceHeartbeat heartbeat;

    @Inject
    RuleSetRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldListTheInstancesSeenRecentlyWithTheVersionEachServes() throws SQLException {
        execute("delete from instance_heartbeat where instance_id in ('gone-yesterday', 'lagging-pod')");
        execute("""
                insert into instance_heartbeat (instance_id, serving_version, started_at, last_seen) values
                ('gone-yesterday', 1, now() - interval '2 days', now() - interval '1 day'),
                ('lagging-pod', null, now() - interval '5 seconds', now())""");
        heartbeat.beat();
        String self = heartbeat.instanceId();
        viewer().get("/rulesets/instances").then().statusCode(200)
                .body("staleAfterSeconds", equalTo(10))
                .body("instances.instanceId", hasItem(self))
                .body("instances.instanceId", hasItem("lagging-pod"))
                .body("instances.instanceId", not(hasItem("gone-yesterday")))
                .body("instances.find { it.instanceId == '%s' }.servingVersion".formatted(self), equalTo(registry.servingVersion()))
                .body("instances.find { it.instanceId == 'lagging-pod' }.servingVersion", equalTo(null));
        given().get("/rulesets/instances").then().statusCode(401);
        execute("delete from instance_heartbeat where instance_id in ('gone-yesterday', 'lagging-pod')");
    }

    @Test
    void shouldTakeAnInstanceForGoneAfterTenBeatsAndAtLeastTenSeconds() {
        assertEquals(Duration.ofSeconds(10), InstanceHeartbeat.staleAfter(Duration.ofMillis(200)));
        assertEquals(Duration.ofSeconds(10), InstanceHeartbeat.staleAfter(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(50), InstanceHeartbeat.staleAfter(Duration.ofSeconds(5)));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
