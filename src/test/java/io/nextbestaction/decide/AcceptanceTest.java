package io.nextbestaction.decide;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.nextbestaction.common.json.Json;
import io.nextbestaction.regression.RegressionCase;
import io.nextbestaction.regression.SuiteLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every acceptance case of the shipped playbook (its JSON cases), through the HTTP API, against PostgreSQL. */
@QuarkusTest
class AcceptanceTest {

    static Stream<Named<RegressionCase>> cases() {
        return SuiteLoader.load(Path.of("regression", "playbook")).stream()
                .filter(c -> c.source().endsWith(".json"))
                .map(c -> Named.of(Path.of(c.source()).getFileName() + ": " + c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldDecideAsTheCaseExpects(RegressionCase c) throws Exception {
        if (!c.history().isEmpty()) {
            given().contentType(ContentType.JSON).body(contactHistoryBody(c, Instant.now()))
                    .post("/contact-history").then().statusCode(201);
        }
        Response response = given().contentType(ContentType.JSON).body(Json.mapper().writeValueAsString(c.request()))
                .post("/decide").then().statusCode(200).extract().response();

        List<String> offers = response.jsonPath().getList("offers.offerId", String.class);
        assertEquals(c.expectedOffers(), offers, "offers of " + c.name());
        assertEquals(Boolean.TRUE.equals(c.expectedHoldout()), response.jsonPath().getBoolean("holdout"), "holdout of " + c.name());
        List<Map<String, Object>> suppressed = response.jsonPath().getList("suppressed");
        c.expectedSuppressed().forEach((offerId, guardrails) -> guardrails.forEach(guardrail -> assertTrue(
                suppressed.stream().anyMatch(s -> offerId.equals(s.get("offerId")) && guardrail.equals(s.get("guardrail"))),
                c.name() + ": expected " + offerId + " suppressed by " + guardrail + " in " + suppressed)));
    }

    /** The case's history as POST /contact-history rows, each {@code daysAgo} days before {@code now}. */
    static String contactHistoryBody(RegressionCase c, Instant now) {
        ArrayNode rows = Json.mapper().createArrayNode();
        for (RegressionCase.HistoryEntry h : c.history()) {
            rows.addObject().put("accountId", c.request().account().id()).put("offerId", h.offerId()).put("outcome", h.outcome().name())
                    .put("at", now.minus(Duration.ofSeconds(Math.round(h.daysAgo() * 86_400))).toString());
        }
        return rows.toString();
    }
}
