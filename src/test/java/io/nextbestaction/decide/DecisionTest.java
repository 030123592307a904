package io.nextbestaction.decide;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a journey tool sees in a decision: explanations, windows, idempotency and the log. */
@QuarkusTest
class DecisionTest {

    static String account(String id, String extra) {
        return """
                {"id": "%s", "segment": "SMB", "plan": "TEAM", "billingCycle": "ANNUAL", "tenureDays": 200,
                 "seats": {"used": 9, "limit": 10}, "healthScore": 80, "openTickets": 0, "daysSinceLastTicket": 90,
                 "daysSinceLastPurchase": 200, "consent": {"EMAIL": true}%s}""".formatted(id, extra);
    }

    static String request(String accountJson, String extra) {
        return "{\"account\": " + accountJson + ", \"channels\": [\"IN_APP\", \"EMAIL\"], \"holdoutPercent\": 0" + extra + "}";
    }

    static Response decide(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/decide").then().statusCode(200).extract().response();
    }

    @Test
    void shouldExplainEachOfferByWorkbookSheetAndRow() {
        decide(request(account("dec-explain", ""), "")).then()
                .body("offers.offerId", contains("seat-pack-10"))
                .body("offers[0].rank", equalTo(1))
                .body("offers[0].channel", equalTo("IN_APP"))
                .body("offers[0].action", equalTo("SELF_SERVE"))
                .body("offers[0].type", equalTo("ADD_ON"))
                .body("offers[0].family", equalTo("seats"))
                .body("offers[0].score", equalTo(60.0f))
                .body("offers[0].reasons[0]", equalTo("add-on.drl.xlsx › Add-ons row 14: Seat pack: seats nearly full"))
                .body("rulesetVersion", matchesPattern("v\\d+ \\(sha256:[0-9a-f]{16}\\)"));
    }

    @Test
    void shouldSayWhenACooldownEnds() {
        Instant before = Instant.now();
        Response response = decide(request(account("dec-cooldown", ", \"daysSinceLastTicket\": 5"), ""));
        response.then().body("offers", empty())
                .body("suppressed.find { it.offerId == 'seat-pack-10' }.guardrail", equalTo("SUPPORT_COOLDOWN"))
                .body("suppressed.find { it.offerId == 'seat-pack-10' }.reason", equalTo("daysSinceLastTicket = 5 < 14"))
                .body("suppressed.find { it.offerId == 'seat-pack-10' }.rule", containsString("guardrails.drl.xlsx › Guardrails row"));
        Instant eligible = Instant.parse(response.path("suppressed.find { it.offerId == 'seat-pack-10' }.eligibleAgainAt"));
        Duration untilEligible = Duration.between(before, eligible);
        assertTrue(untilEligible.compareTo(Duration.ofDays(9).minusMinutes(1)) > 0 && untilEligible.compareTo(Duration.ofDays(9).plusMinutes(1)) < 0,
                "eligible again 9 days after a ticket 5 days ago with a 14-day window, was " + untilEligible);
    }

    @Test
    void shouldLeaveEligibleAgainAtEmptyWhereNoWindowDecides() {
        decide(request(account("dec-open-ticket", ", \"openTickets\": 2"), "")).then()
                .body("suppressed.find { it.offerId == 'seat-pack-10' }.guardrail", equalTo("SUPPORT_COOLDOWN"))
                .body("suppressed.find { it.offerId == 'seat-pack-10' }.eligibleAgainAt", nullValue());
    }

    @Test
    void shouldReturnTheStoredDecisionForARepeatedRequestId() {
        String body = request(account("dec-idem", ""), ", \"requestId\": \"journey-idem-1\"");
        String first = decide(body).path("decisionId");
        String second = decide(body).path("decisionId");
        assertEquals(first, second);
        given().get("/decisions/" + first).then().statusCode(200)
                .body("requestId", equalTo("journey-idem-1"))
                .body("accountId", equalTo("dec-idem"))
                .body("request.account.id", equalTo("dec-idem"))
                .body("offers.offerId", contains("seat-pack-10"));
    }

    @Test
    void shouldLogEveryConcurrentDecisionAndDecideARepeatedRequestIdOnce() throws Exception {
        String repeated = request(account("dec-concurrent-retry", ""), ", \"requestId\": \"journey-concurrent-1\"");
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = i % 2 == 0 ? repeated : request(account("dec-concurrent-" + i, ""), "");
            calls.add(() -> decide(body).asString());
        }
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<String> answers = new ArrayList<>();
        try {
            for (Future<String> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdown();
        }
        List<String> retries = answers.stream().filter(a -> a.contains("dec-concurrent-retry")).distinct().toList();
        assertEquals(1, retries.size(), "every retry answers the same decision, byte for byte: " + retries);
        for (String answer : answers) {
            String decisionId = JsonPath.from(answer).getString("decisionId");
            given().get("/decisions/" + decisionId).then().statusCode(200);
        }
    }

    @Test
    void shouldDecideAgainWithoutARequestId() {
        String body = request(account("dec-no-idem", ""), "");
        String first = decide(body).path("decisionId");
        String second = decide(body).path("decisionId");
        assertNotEquals(first, second);
    }

    @Test
    void shouldLogWhatAHoldoutWouldHaveOffered() {
        Response response = decide(request(account("dec-holdout", ""), "").replace("\"holdoutPercent\": 0", "\"holdoutPercent\": 100"));
        response.then().body("holdout", equalTo(true)).body("offers", empty());
        given().get("/decisions/" + response.path("decisionId")).then()
                .body("holdout", equalTo(true))
                .body("offers.offerId", contains("seat-pack-10"));
    }

    @Test
    void shouldRestAnOfferDismissedThroughTheOutcomesEndpoint() {
        String body = request(account("dec-dismiss", ""), "");
        String decisionId = decide(body).path("decisionId");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"DISMISSED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        decide(body).then().body("offers", empty())
                .body("suppressed.find { it.offerId == 'seat-pack-10' }.guardrail", equalTo("DISMISSED_RECENTLY"));
    }

    @Test
    void shouldCapAfterTwoPresentationsReportedAsOutcomes() {
        String body = request(account("dec-cap", ", \"billingCycle\": \"MONTHLY\""), "");
        Response first = decide(body);
        List<String> offered = first.path("offers.offerId");
        assertEquals(List.of("seat-pack-10", "annual-switch"), offered);
        for (String offerId : offered) {
            given().contentType(ContentType.JSON).body("{\"offerId\": \"" + offerId + "\", \"outcome\": \"PRESENTED\"}")
                    .post("/decisions/" + first.path("decisionId") + "/outcomes").then().statusCode(201);
        }
        Response capped = decide(body);
        capped.then().body("offers", empty()).body("suppressed.guardrail", hasItem("FREQUENCY_CAP"));
        Instant liftsAt = Instant.parse(capped.path("suppressed.find { it.guardrail == 'FREQUENCY_CAP' }.eligibleAgainAt"));
        assertTrue(Duration.between(Instant.now(), liftsAt).compareTo(Duration.ofDays(7).minusMinutes(1)) > 0,
                "the cap lifts when the older presentation is 7 days old: " + liftsAt);
    }

    @Test
    void shouldTreatARepeatedOutcomeAsIdempotent() {
        String decisionId = decide(request(account("dec-outcome-repeat", ""), "")).path("decisionId");
        String outcome = "{\"offerId\": \"seat-pack-10\", \"outcome\": \"CLICKED\", \"at\": \"2026-01-05T10:00:00Z\"}";
        given().contentType(ContentType.JSON).body(outcome).post("/decisions/" + decisionId + "/outcomes").then().statusCode(201);
        given().contentType(ContentType.JSON).body(outcome).post("/decisions/" + decisionId + "/outcomes").then().statusCode(200);
    }

    @Test
    void shouldRefuseAnOutcomeForAnUnknownDecisionOrOffer() {
        String decisionId = decide(request(account("dec-outcome-404", ""), "")).path("decisionId");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"analytics-module\", \"outcome\": \"CLICKED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"CLICKED\"}")
                .post("/decisions/00000000-0000-0000-0000-000000000000/outcomes").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"CLICKED\"}")
                .post("/decisions/not-a-uuid/outcomes").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAnUnknownOutcome() {
        String decisionId = decide(request(account("dec-outcome-bad", ""), "")).path("decisionId");
        given().contentType(ContentType.JSON).body("{\"offerId\": \"seat-pack-10\", \"outcome\": \"LOVED\"}")
                .post("/decisions/" + decisionId + "/outcomes").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("outcome"));
    }

    @Test
    void shouldRankByScoreKeepOnePerFamilyAndHonourTheLimit() {
        String account = account("dec-rank", ", \"billingCycle\": \"MONTHLY\", \"seats\": {\"used\": 12, \"limit\": 10},"
                + " \"featuresUsed\": [\"reports\", \"workflows\"], \"activeRoles\": 3,"
                + " \"usage\": {\"storageGb\": {\"used\": 90, \"limit\": 100}, \"events\": {\"used\": 95, \"limit\": 100}}");
        // seat pack 0.6×150=90, business plan 0.35×400=140, analytics 0.3×300=90, automation 0.25×250=62.5, annual (plan family taken? no: billing) 0.3×100=30, storage 0.45×100=45
        decide(request(account, ", \"limit\": 4")).then()
                .body("offers.offerId", contains("plan-upgrade-business", "analytics-module", "seat-pack-10", "automation-module"))
                .body("offers.rank", contains(1, 2, 3, 4));
    }
}
