package io.nextbestaction.users;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.nextbestaction.users.UsersTest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A production database starts with no user: nba.security.bootstrap-admin and its password store the first admin,
 * who then manages the others. Once a stored admin exists, another start stores none.
 */
@QuarkusTest
@TestProfile(BootstrapAdminTest.FirstAdminFromTheEnvironment.class)
class BootstrapAdminTest {

    @Inject
    Users users;

    public static class FirstAdminFromTheEnvironment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nba.security.bootstrap-admin", "ops",
                    "nba.security.bootstrap-admin-password", "ops-first-passphrase");
        }
    }

    @Test
    void shouldStoreTheFirstAdminWhoThenManagesUsers() {
        as("ops", "ops-first-passphrase").get("/users").then().statusCode(200)
                .body("find { it.name == 'ops' }.roles", contains("analyst", "admin"));

        as("ops", "ops-first-passphrase").contentType(ContentType.JSON)
                .body("{\"name\": \"grace\", \"password\": \"grace-analyst-passphrase\", \"roles\": [\"analyst\"]}")
                .post("/users").then().statusCode(201);
        as("grace", "grace-analyst-passphrase").post("/rulesets/999999/activate").then().statusCode(404);
        as("ops", "ops-first-passphrase").get("/users").then().statusCode(200).body("name", hasItem("grace"))
                .body("size()", equalTo(2));

        assertFalse(users.createAdminIfNone("ops2", "ops2-first-passphrase"));
        as("ops", "ops-first-passphrase").get("/users/ops2").then().statusCode(404);
    }
}
