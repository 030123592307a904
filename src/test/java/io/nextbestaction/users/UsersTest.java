package io.nextbestaction.users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An admin manages the stored users; a stored user signs in with HTTP Basic beside the configured ones. No answer
 * ever holds a password or its hash.
 */
@QuarkusTest
class UsersTest {

    /** An analyst-only endpoint without side effect: past the role check, the version is unknown (404). */
    private static final String ANALYST_ONLY = "/rulesets/999999/activate";

    static RequestSpecification as(String name, String password) {
        return given().auth().preemptive().basic(name, password);
    }

    static RequestSpecification admin() {
        return as("admin", "admin-dev-password");
    }

    private static Response create(String body) {
        return admin().contentType(ContentType.JSON).body(body).post("/users");
    }

    private static void assertNoSecret(Response answer, String password) {
        String body = answer.asString();
        assertFalse(body.contains("$2a$") || body.contains(password) || body.toLowerCase().contains("hash"), body);
    }

    @Test
    void shouldSignInAStoredAnalystUntilTheAdminDeletesIt() {
        Response created = create("{\"name\": \"bob\", \"password\": \"bob-first-passphrase\", \"roles\": [\"analyst\"]}");
        created.then().statusCode(201).header("Location", containsString("/users/bob"))
                .body("name", equalTo("bob")).body("roles", contains("analyst")).body("createdAt", notNullValue());
        assertNoSecret(created, "bob-first-passphrase");

        as("bob", "bob-first-passphrase").post(ANALYST_ONLY).then().statusCode(404);
        as("bob", "wrong-passphrase-1").post(ANALYST_ONLY).then().statusCode(401);
        as("bob", "bob-first-passphrase").get("/users").then().statusCode(403);

        Response listed = admin().get("/users");
        listed.then().statusCode(200).body("name", hasItem("bob"));
        assertNoSecret(listed, "bob-first-passphrase");

        Response changed = admin().contentType(ContentType.JSON).body("{\"password\": \"bob-second-passphrase\"}").put("/users/bob");
        changed.then().statusCode(200).body("roles", contains("analyst"));
        assertNoSecret(changed, "bob-second-passphrase");
        as("bob", "bob-first-passphrase").post(ANALYST_ONLY).then().statusCode(401);
        as("bob", "bob-second-passphrase").post(ANALYST_ONLY).then().statusCode(404);

        admin().contentType(ContentType.JSON).body("{\"roles\": [\"viewer\"]}").put("/users/bob").then().statusCode(200)
                .body("roles", contains("viewer"));
        as("bob", "bob-second-passphrase").post(ANALYST_ONLY).then().statusCode(403);
        as("bob", "bob-second-passphrase").get("/rulesets/active").then().statusCode(200);

        admin().delete("/users/bob").then().statusCode(204);
        as("bob", "bob-second-passphrase").get("/rulesets/active").then().statusCode(401);
        admin().get("/users/bob").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldLetAStoredAdminManageUsersWhileTheConfiguredUsersStillSignIn() {
        create("{\"name\": \"carol\", \"password\": \"carol-admin-passphrase\", \"roles\": [\"admin\"]}").then().statusCode(201);
        as("carol", "carol-admin-passphrase").contentType(ContentType.JSON)
                .body("{\"name\": \"dave\", \"password\": \"dave-viewer-passphrase\"}").post("/users").then().statusCode(201)
                .body("roles", equalTo(List.of()));
        as("dave", "dave-viewer-passphrase").get("/rulesets/active").then().statusCode(200);
        as("carol", "carol-admin-passphrase").delete("/users/carol").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Own account"));
        as("carol", "carol-admin-passphrase").contentType(ContentType.JSON).body("{\"roles\": [\"analyst\"]}")
                .put("/users/carol").then().statusCode(409).body("title", equalTo("Own admin role"));

        as("analyst", "analyst-dev-password").post(ANALYST_ONLY).then().statusCode(404);
        as("viewer", "viewer-dev-password").post(ANALYST_ONLY).then().statusCode(403);
        as("analyst", "wrong-password").post(ANALYST_ONLY).then().statusCode(401);
        as("nobody", "whatever-passphrase").post(ANALYST_ONLY).then().statusCode(401);

        as("carol", "carol-admin-passphrase").delete("/users/dave").then().statusCode(204);
        admin().delete("/users/carol").then().statusCode(204);
    }

    @Test
    void shouldRefuseUsersManagementToNonAdmins() {
        as("analyst", "analyst-dev-password").get("/users").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("admin role"));
        as("analyst", "analyst-dev-password").contentType(ContentType.JSON)
                .body("{\"name\": \"eve\", \"password\": \"eve-long-passphrase\", \"roles\": [\"admin\"]}").post("/users")
                .then().statusCode(403);
        given().get("/users").then().statusCode(401);
        admin().get("/users/eve").then().statusCode(404);
    }

    @Test
    void shouldNameWhatIsWrongWithANewUser() {
        create("{\"name\": \"frank\", \"password\": \"frank-passphrase\", \"roles\": [\"analyst\", \"root\"]}").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("roles[1]")).body("errors[0].message", containsString("viewer, analyst, admin"));
        Response shortPassword = create("{\"name\": \"frank\", \"password\": \"short\", \"roles\": []}");
        shortPassword.then().statusCode(400).body("errors[0].field", equalTo("password"))
                .body("errors[0].message", containsString("at least 12"));
        assertNoSecret(shortPassword, "short");
        create("{\"name\": \"frank\", \"password\": \"\"}").then().statusCode(400).body("errors[0].field", equalTo("password"));
        create("{\"name\": \"frank\"}").then().statusCode(400).body("errors[0].field", equalTo("password"));
        create("{\"name\": \"frank\", \"password\": \"" + "é".repeat(40) + "\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("password")).body("errors[0].message", containsString("72 bytes"));
        create("{\"name\": \"Frank:1\", \"password\": \"frank-passphrase\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        create("{\"password\": \"frank-passphrase\"}").then().statusCode(400).body("errors[0].field", equalTo("name"));
        create("{\"name\": \"frank\", \"password\": 42}").then().statusCode(400).body("errors[0].field", equalTo("password"));
        create("not json").then().statusCode(400).contentType("application/problem+json");

        create("{\"name\": \"frank\", \"password\": \"frank-passphrase\"}").then().statusCode(201);
        create("{\"name\": \"frank\", \"password\": \"another-passphrase\"}").then().statusCode(409)
                .contentType("application/problem+json").body("detail", not(containsString("passphrase")));
        create("{\"name\": \"analyst\", \"password\": \"analyst-passphrase\"}").then().statusCode(409)
                .body("detail", containsString("configured user"));
        admin().contentType(ContentType.JSON).body("{}").put("/users/frank").then().statusCode(400);
        admin().contentType(ContentType.JSON).body("{\"password\": \"short\"}").put("/users/frank").then().statusCode(400)
                .body("errors[0].field", equalTo("password"));
        admin().contentType(ContentType.JSON).body("{\"password\": \"frank-new-passphrase\"}").put("/users/nobody").then()
                .statusCode(404);
        admin().delete("/users/nobody").then().statusCode(404);
        admin().delete("/users/frank").then().statusCode(204);
    }
}
