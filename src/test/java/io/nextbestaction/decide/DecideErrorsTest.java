package io.nextbestaction.decide;

import io.nextbestaction.LargeBody;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets a problem+json naming the field, and nothing is written. */
@QuarkusTest
class DecideErrorsTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/decide")
    URI decideUri;

    private long decisionsBefore = -1;

    private ValidatableResponse decide(String body) {
        decisionsBefore = countDecisions();
        return given().contentType(ContentType.JSON).body(body).post("/decide").then()
                .contentType("application/problem+json")
                .body("status", not(500))
                .body("detail", not(containsString("Exception")));
    }

    @AfterEach
    void nothingWasWritten() {
        if (decisionsBefore >= 0) {
            assertEquals(decisionsBefore, countDecisions(), "a rejected request must not be logged");
        }
    }

    @Test
    void shouldRejectMalformedJson() {
        decide("{\"account\": {\"id\": \"err-1\"").statusCode(400).body("title", containsString("Malformed JSON"));
    }

    @Test
    void shouldRejectAnythingAfterTheBody() {
        decide("{\"account\": {\"id\": \"err-1b\"}} garbage").statusCode(400).body("title", equalTo("Malformed JSON"));
        decide("{\"account\": {\"id\": \"err-1c\"}} {}").statusCode(400).body("title", equalTo("Malformed JSON"));
    }

    @Test
    void shouldRejectAnEmptyBody() {
        decide("").statusCode(400);
    }

    @Test
    void shouldNameAFieldOfTheWrongType() {
        decide("{\"account\": {\"id\": \"err-2\", \"seats\": {\"used\": \"nine\", \"limit\": 10}}}")
                .statusCode(400).body("errors.field", hasItem("account.seats.used"));
    }

    @Test
    void shouldNotCoerceAStringIntoANumber() {
        decide("{\"account\": {\"id\": \"err-2b\", \"healthScore\": \"80\"}}")
                .statusCode(400).body("errors.field", hasItem("account.healthScore"));
    }

    @Test
    void shouldNotTruncateAFractionIntoACount() {
        decide("{\"account\": {\"id\": \"err-2c\", \"openTickets\": 1.5}}")
                .statusCode(400).body("errors.field", hasItem("account.openTickets"));
    }

    @Test
    void shouldRequireTheAccountId() {
        decide("{\"account\": {\"plan\": \"TEAM\"}}").statusCode(400).body("errors.field", hasItem("account.id"));
    }

    @Test
    void shouldRequireTheAccount() {
        decide("{\"channels\": [\"IN_APP\"]}").statusCode(400).body("errors.field", hasItem("account"));
    }

    @Test
    void shouldRejectNegativeCounts() {
        decide("{\"account\": {\"id\": \"err-3\", \"seats\": {\"used\": -1, \"limit\": 10}, \"openTickets\": -2}}")
                .statusCode(400)
                .body("errors.field", hasItem("account.seats.used"))
                .body("errors.field", hasItem("account.openTickets"))
                .body("errors.message", hasItem("must be greater than or equal to 0"));
    }

    @Test
    void shouldRejectANegativeUsageValue() {
        decide("{\"account\": {\"id\": \"err-3b\", \"usage\": {\"events\": {\"used\": -5, \"limit\": 10}}}}")
                .statusCode(400).body("errors.field", hasItem("account.usage.events.used"));
    }

    @Test
    void shouldRejectANegativeLimit() {
        decide("{\"account\": {\"id\": \"err-4\"}, \"limit\": -1}").statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void shouldRejectAHoldoutPercentOver100() {
        decide("{\"account\": {\"id\": \"err-4b\"}, \"holdoutPercent\": 101}").statusCode(400).body("errors.field", hasItem("holdoutPercent"));
    }

    @Test
    void shouldRejectAnUnknownChannel() {
        decide("{\"account\": {\"id\": \"err-5\"}, \"channels\": [\"IN_APP\", \"FAX\"]}")
                .statusCode(400).body("errors.field", hasItem("channels[1]")).body("errors.message", hasItem(containsString("IN_APP")));
    }

    @Test
    void shouldRejectAnUnknownSegment() {
        decide("{\"account\": {\"id\": \"err-6\", \"segment\": \"GIANT\"}}").statusCode(400).body("errors.field", hasItem("account.segment"));
    }

    @Test
    void shouldRejectASignalWithoutAType() {
        decide("{\"account\": {\"id\": \"err-7\"}, \"signals\": [{\"daysAgo\": 2}]}").statusCode(400).body("errors.field", hasItem("signals[0].type"));
    }

    @Test
    void shouldRejectABodyOverOneMebibyte() {
        String padding = "x".repeat(1024 * 1024);
        decide("{\"account\": {\"id\": \"err-8\", \"attributes\": {\"pad\": \"" + padding + "\"}}}").statusCode(413);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"requestId": "err-nul\\u0000", "account": {"id": "err-nul-1"}}                     | requestId
            {"account": {"id": "err-nul-2\\u0000"}}                                              | account.id
            {"account": {"id": "err-nul-3", "attributes": {"colour": "blue\\u0000"}}}            | account.attributes.colour
            {"account": {"id": "err-nul-4", "attributes": {"col\\u0000our": "blue"}}}            | account.attributes
            {"account": {"id": "err-nul-5"}, "placement": "banner\\u0000"}                       | placement
            {"account": {"id": "err-nul-6", "plan": "TEAM"}, "experimentKey": "x\\u0000"}        | experimentKey
            {"account": {"id": "err-surrogate-\\ud800"}}                                         | account.id""")
    void shouldRefuseTextPostgresqlCannotStoreNamingTheField(String body, String field) {
        decide(body).statusCode(400).body("title", equalTo("Invalid request")).body("errors.field", contains(field));
    }

    @Test
    void shouldRefuseAChunkedBodyOverOneMebibyteAndStoreNothing() throws Exception {
        decisionsBefore = countDecisions();
        assertTooLarge(LargeBody.chunked(decideUri, "{\"account\": {\"id\": \"err-chunked\", \"attributes\": {\"pad\": \"",
                2 << 20, "\"}}}"));
    }

    @Test
    void shouldAnswerAChunkedBodyOverTheServerLimitWithAProblem() throws Exception {
        decisionsBefore = countDecisions();
        long serverLimit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
        assertTooLarge(LargeBody.chunked(decideUri, "{\"account\": {\"id\": \"err-huge\", \"attributes\": {\"pad\": \"",
                serverLimit + 1, "\"}}}"));
    }

    @Test
    void shouldAcceptAChunkedBodyUnderTheCap() throws Exception {
        LargeBody.Answer answer = LargeBody.chunked(decideUri,
                "{\"account\": {\"id\": \"err-chunked-small\", \"attributes\": {\"pad\": \"", 200_000, "\"}}}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("err-chunked-small", JsonPath.from(answer.body()).getString("accountId"));
    }

    /** The JSON cap (1 MiB) answers first, also for a body over the server limit. */
    private static void assertTooLarge(LargeBody.Answer answer) {
        assertEquals(413, answer.status());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("The body is larger than the limit of 1048576 bytes.", JsonPath.from(answer.body()).getString("detail"));
    }

    @Test
    void shouldRefuseARequestIdReusedForAnotherRequest() {
        String first = "{\"requestId\": \"err-reused\", \"account\": {\"id\": \"err-reused-a\", \"mrr\": 100}}";
        String decisionId = given().contentType(ContentType.JSON).body(first).post("/decide").then().statusCode(200)
                .extract().path("decisionId");
        decide("{\"requestId\": \"err-reused\", \"account\": {\"id\": \"err-reused-b\", \"mrr\": 100}}")
                .statusCode(422).body("errors.field", contains("requestId"));
        // The same request, as sent or built again (key order, spacing, 100.0), is a retry: the stored decision.
        for (String retry : List.of(first, "{\"account\": {\"mrr\": 100.0, \"id\": \"err-reused-a\"},  \"requestId\": \"err-reused\"}")) {
            given().contentType(ContentType.JSON).body(retry).post("/decide").then().statusCode(200)
                    .body("decisionId", equalTo(decisionId));
        }
    }

    @Test
    void shouldRejectANonJsonContentType() {
        decisionsBefore = countDecisions();
        given().contentType(ContentType.TEXT).body("account=err-9").post("/decide").then()
                .statusCode(415).contentType("application/problem+json");
    }

    private long countDecisions() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from decision")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
