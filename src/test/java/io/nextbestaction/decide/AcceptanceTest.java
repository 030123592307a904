package io.nextbestaction.decide;

import io.nextbestaction.AcceptanceCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every acceptance case of the shipped playbook, through the HTTP API, against PostgreSQL. */
@QuarkusTest
class AcceptanceTest {

    static Stream<AcceptanceCase> cases() {
        return AcceptanceCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldDecideAsTheCaseExpects(AcceptanceCase c) {
        if (!c.history().isEmpty()) {
            given().contentType(ContentType.JSON).body(c.contactHistoryBody(Instant.now()))
                    .post("/contact-history").then().statusCode(201);
        }
        Response response = given().contentType(ContentType.JSON).body(c.request().toString())
                .post("/decide").then().statusCode(200).extract().response();

        List<String> offers = response.jsonPath().getList("offers.offerId", String.class);
        assertEquals(c.expectedOffers(), offers, "offers of " + c);
        assertEquals(c.expectedHoldout(), response.jsonPath().getBoolean("holdout"), "holdout of " + c);
        List<Map<String, Object>> suppressed = response.jsonPath().getList("suppressed");
        c.expectedSuppressed().forEach((offerId, guardrail) -> assertTrue(
                suppressed.stream().anyMatch(s -> offerId.equals(s.get("offerId")) && guardrail.equals(s.get("guardrail"))),
                c + ": expected " + offerId + " suppressed by " + guardrail + " in " + suppressed));
    }
}
