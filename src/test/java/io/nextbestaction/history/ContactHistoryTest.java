package io.nextbestaction.history;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ContactHistoryTest {

    private static final String DECIDE = """
            {"account": {"id": "%s", "seats": {"used": 9, "limit": 10}, "healthScore": 80},
             "channels": ["IN_APP"], "holdoutPercent": 0}""";

    @Test
    void shouldStoreAllRowsOrNoneAndNameTheBadRow() {
        String body = """
                [{"accountId": "ch-atomic", "offerId": "seat-pack-10", "outcome": "DISMISSED", "at": "%s"},
                 {"accountId": "ch-atomic", "offerId": "seat-pack-10", "outcome": "SHRUGGED", "at": "%s"}]"""
                .formatted(java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().minusSeconds(3600));
        given().contentType(ContentType.JSON).body(body).post("/contact-history").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("[1].outcome"));
        // The valid first row was not stored: the offer is not resting.
        given().contentType(ContentType.JSON).body(DECIDE.formatted("ch-atomic")).post("/decide").then()
                .statusCode(200).body("suppressed.guardrail", not(hasItem("DISMISSED_RECENTLY")));
    }

    @Test
    void shouldNameAMissingField() {
        given().contentType(ContentType.JSON).body("[{\"accountId\": \"ch-missing\", \"outcome\": \"PRESENTED\", \"at\": \"2026-11-20T09:00:00Z\"}]")
                .post("/contact-history").then().statusCode(400).body("errors.field", hasItem("[0].offerId"));
    }

    @Test
    void shouldRejectAContactInTheFuture() {
        given().contentType(ContentType.JSON).body("[{\"accountId\": \"ch-future\", \"offerId\": \"seat-pack-10\", \"outcome\": \"PRESENTED\", \"at\": \"2999-01-01T00:00:00Z\"}]")
                .post("/contact-history").then().statusCode(400).body("errors.field", hasItem("[0].at"));
    }

    @Test
    void shouldRejectABodyThatIsNotAnArray() {
        given().contentType(ContentType.JSON).body("{\"accountId\": \"ch-object\"}")
                .post("/contact-history").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseANulInAnImportedContactNamingTheRow() {
        String body = """
                [{"accountId": "ch-nul", "offerId": "seat-pack-10", "outcome": "DISMISSED", "at": "%1$s"},
                 {"accountId": "ch-nul\\u0000", "offerId": "seat-pack-10\\u0000", "outcome": "DISMISSED", "at": "%1$s"}]"""
                .formatted(java.time.Instant.now().minusSeconds(3600));
        given().contentType(ContentType.JSON).body(body).post("/contact-history").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("[1].accountId", "[1].offerId"));
        given().contentType(ContentType.JSON).body(DECIDE.formatted("ch-nul")).post("/decide").then()
                .statusCode(200).body("suppressed.guardrail", not(hasItem("DISMISSED_RECENTLY")));
    }

    @Test
    void shouldRefuseANulInAnOutcome() {
        String decisionId = given().contentType(ContentType.JSON).body(DECIDE.formatted("ch-nul-outcome")).post("/decide").then()
                .statusCode(200).extract().path("decisionId");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\\u0000\", \"outcome\": \"PRESENTED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("offerId"));
    }

    @Test
    void shouldMakeImportedDismissalsCount() {
        String body = "[{\"accountId\": \"ch-import\", \"offerId\": \"seat-pack-10\", \"outcome\": \"DISMISSED\", \"at\": \"%s\"}]"
                .formatted(java.time.Instant.now().minusSeconds(86400));
        given().contentType(ContentType.JSON).body(body).post("/contact-history").then().statusCode(201).body("stored", equalTo(1));
        given().contentType(ContentType.JSON).body(DECIDE.formatted("ch-import")).post("/decide").then()
                .statusCode(200).body("suppressed.guardrail", hasItem("DISMISSED_RECENTLY"));
    }
}
