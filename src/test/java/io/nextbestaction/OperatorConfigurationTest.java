package io.nextbestaction;

import io.nextbestaction.regression.RegressCommandTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The service as an operator configures it: a JDBC URL that names no schema, the schema as its own setting, and the
 * address of a trace collector written down while tracing is not turned on.
 */
@QuarkusTest
@TestProfile(OperatorConfigurationTest.AsAnOperatorWritesIt.class)
class OperatorConfigurationTest {

    static final String SCHEMA = "nba_plain_url";

    public static class AsAnOperatorWritesIt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket free = new ServerSocket(0)) {
                return Map.of("quarkus.datasource.jdbc.url", RegressCommandTest.testDatabase(),
                        "nba.database.schema", SCHEMA,
                        "quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:" + free.getLocalPort(),
                        // Spans would be exported every 50 ms if tracing were on, so that the wait below would see them.
                        "quarkus.otel.bsp.schedule.delay", "50ms");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void shouldDecideStoreAndReadInTheConfiguredSchemaWithAPlainJdbcUrl() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        assertFalse(url.contains("currentSchema"), url);

        given().auth().preemptive().basic("viewer", "viewer-dev-password").get("/rulesets/active").then()
                .statusCode(200).body("version", equalTo(1));
        String decisionId = given().contentType(ContentType.JSON)
                .body("{\"account\": {\"id\": \"plain-url\", \"seats\": {\"used\": 9, \"limit\": 10}}, \"holdoutPercent\": 0}")
                .post("/decide").then().statusCode(200).body("offers.offerId", hasItem("seat-pack-10"))
                .extract().path("decisionId");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"PRESENTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        given().contentType(ContentType.JSON).body("[{\"accountId\": \"plain-url\", \"offerId\": \"annual-switch\", "
                + "\"outcome\": \"DISMISSED\", \"at\": \"" + Instant.now().minusSeconds(60) + "\"}]")
                .post("/contact-history").then().statusCode(201);
        given().get("/decisions/" + decisionId).then().statusCode(200).body("accountId", equalTo("plain-url"));

        assertEquals(1, count("select count(*) from " + SCHEMA + ".decision where id = cast('" + decisionId + "' as uuid)"));
        assertEquals(2, count("select count(*) from " + SCHEMA + ".contact_event where account_id = 'plain-url'"));
        assertEquals(1, count("select count(*) from " + SCHEMA + ".ruleset"));

        RegressCommandTest.Run replay = RegressCommandTest.regress("--replay", "1", "--database", url, "--schema", SCHEMA);
        assertEquals(0, replay.exitCode(), replay.err());
        assertTrue(replay.out().contains("Replay of the last 1 logged decision"), replay.out());
    }

    @Test
    void shouldSendNothingToTheCollectorWhileTracingIsOff() throws IOException {
        URI collector = URI.create(ConfigProvider.getConfig().getValue("quarkus.otel.exporter.otlp.endpoint", String.class));
        try (ServerSocket listening = new ServerSocket(collector.getPort(), 50, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 5; i++) {
                given().contentType(ContentType.JSON)
                        .body("{\"account\": {\"id\": \"tracing-off-" + i + "\", \"seats\": {\"used\": 9, \"limit\": 10}}}")
                        .post("/decide").then().statusCode(200);
            }
            listening.setSoTimeout(2000);
            listening.accept().close();
            fail("the service connected to the collector at " + collector + " with tracing off");
        } catch (SocketTimeoutException nothingCame) {
            // as it should be
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RegressCommandTest.testDatabase(), "postgres", "");
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
