package io.nextbestaction.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbestaction.decide.DecisionRequest;
import io.nextbestaction.decide.DecisionResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shared mapper and the one the service is injected with read and write alike. */
@QuarkusTest
class JsonTest {

    @Inject
    ObjectMapper injected;

    @Test
    void shouldWriteADecisionByteForByteAsTheServiceDoes() throws JsonProcessingException {
        String answer = given().contentType(ContentType.JSON).body("""
                        {"account": {"id": "json-same-bytes", "seats": {"used": 9, "limit": 10}, "healthScore": 80,
                                     "daysSinceDowngrade": 20, "billingCycle": "MONTHLY", "tenureDays": 200},
                         "channels": ["IN_APP"], "holdoutPercent": 0}""")
                .post("/decide").then().statusCode(200).extract().asString();
        for (ObjectMapper mapper : List.of(Json.mapper(), injected)) {
            DecisionResponse response = mapper.readValue(answer, DecisionResponse.class);
            assertEquals(answer, mapper.writeValueAsString(response));
        }
    }

    @Test
    void shouldIgnoreUnknownFieldsAndRefuseWrongTypes() throws JsonProcessingException {
        for (ObjectMapper mapper : List.of(Json.mapper(), injected)) {
            DecisionRequest request = mapper.readValue("""
                    {"colour": "red", "account": {"id": "a", "colour": "red", "seats": {"used": 9}}}""", DecisionRequest.class);
            assertEquals(9, request.account().seats().used());
            assertThrows(JsonProcessingException.class, () -> mapper.readValue(
                    "{\"account\": {\"id\": \"a\", \"seats\": {\"used\": \"9\"}}}", DecisionRequest.class));
            assertThrows(JsonProcessingException.class, () -> mapper.readValue(
                    "{\"account\": {\"id\": \"a\", \"seats\": {\"used\": 9.5}}}", DecisionRequest.class));
            assertThrows(JsonProcessingException.class, () -> mapper.readTree("{\"limit\": 1, \"limit\": 2}"));
        }
    }
}
