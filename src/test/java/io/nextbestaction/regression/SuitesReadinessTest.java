package io.nextbestaction.regression;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service whose suite folder is missing or empty would activate any version through a gate that runs nothing: it
 * stays not ready and says why, until the suites are there.
 */
@QuarkusTest
@TestProfile(SuitesReadinessTest.NoSuitesYet.class)
class SuitesReadinessTest {

    static final Path FOLDER = Path.of("target", "suites-readiness");

    public static class NoSuitesYet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            delete(FOLDER);
            return Map.of("nba.regression.suites-dir", FOLDER.toString());
        }
    }

    @Test
    void shouldNotBeReadyUntilTheSuiteFolderHoldsACase() throws IOException {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'regression-suites' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'regression-suites' }.data.reason", containsString("does not exist"))
                .body("checks.find { it.name == 'regression-suites' }.data.reason", containsString("nba.regression.allow-no-suites=true"))
                .body("checks.find { it.name == 'rules' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);

        Files.createDirectories(FOLDER);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'regression-suites' }.data.reason", containsString("holds no case"));

        Files.writeString(FOLDER.resolve("notes.txt"), "not a case");
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'regression-suites' }.data.reason", containsString("holds no case"));

        Files.copy(Path.of("regression", "playbook", "01-pub-quiet-1.json"), FOLDER.resolve("01-pub-quiet-1.json"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'regression-suites' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'regression-suites' }.data.cases", equalTo(1));

        Files.writeString(FOLDER.resolve("broken.json"), "{\"request\": ");
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'regression-suites' }.data.reason", containsString("broken.json"));
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
