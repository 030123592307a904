package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.SEATS_AT_90;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.activeVersion;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.annualSwitchPropensity;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.annualSwitchScore;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decision-table folder as a drop box: a saved change goes live; a broken one never does. */
@QuarkusTest
@TestProfile(FolderWatchTest.WatchedFolder.class)
class FolderWatchTest {

    static final Path FOLDER = Path.of("target", "watched-decision-tables");

    public static class WatchedFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(FOLDER);
                for (RuleFile file : Workbooks.shippedPlaybook()) {
                    Files.write(FOLDER.resolve(file.name()), file.content());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("nba.decision-tables.dir", FOLDER.toString(),
                    "nba.decision-tables.watch", "true",
                    "nba.decision-tables.watch-interval", "200ms");
        }
    }

    static void save(RuleFile file) throws IOException {
        Path temp = FOLDER.resolve(file.name() + ".tmp");
        Files.write(temp, file.content());
        Files.move(temp, FOLDER.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void within(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " did not happen within " + limit);
    }

    static int newestVersion() {
        return viewer().get("/rulesets").then().extract().path("[0].version");
    }

    @Test
    void shouldServeASavedChangeAndKeepTheLastGoodVersionWhenABrokenOneIsSaved() throws Exception {
        assertEquals(1, activeVersion());
        assertEquals(30.0f, annualSwitchScore("watch-1"));

        save(annualSwitchPropensity(0.5));
        within(Duration.ofSeconds(15), () -> activeVersion() == 2, "the saved change going live");
        assertEquals(50.0f, annualSwitchScore("watch-2"));
        viewer().get("/rulesets/2").then().body("source", equalTo("FOLDER")).body("author", equalTo("decision-tables folder"));

        save(Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "F14", 7));
        within(Duration.ofSeconds(15), () -> newestVersion() == 3, "the broken save being stored");
        viewer().get("/rulesets/3").then().body("status", equalTo("REJECTED"))
                .body("errors.cell", hasItem("F14"))
                .body("errors", not(empty()));
        assertEquals(2, activeVersion(), "the last good version keeps serving");
        assertTrue(given().contentType(ContentType.JSON).body(SEATS_AT_90.formatted("watch-3")).post("/decide").then()
                .extract().<String>path("rulesetVersion").startsWith("v2 "));

        // A valid change that breaks a regression case is stored but not activated.
        save(Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", "B14", 0.95));
        within(Duration.ofSeconds(15), () -> newestVersion() == 4, "the suite-breaking save being stored");
        viewer().get("/rulesets/4").then().body("status", equalTo("VALID"));
        Thread.sleep(1000);
        assertEquals(2, activeVersion(), "a change that fails the regression suites does not go live");
    }
}
