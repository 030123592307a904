package io.nextbestaction.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The console signs in with a form and a cookie while an API client without credentials keeps getting 401 and the
 * Basic challenge (a browser asking for a page is sent to the sign-in form); the cookie carries the same user and
 * roles to the API. And the sheets endpoint the console draws workbooks from.
 */
@QuarkusTest
class ConsoleSessionTest {

    /** What a browser asks for when it follows a link or posts a form. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static String signIn(String user, String password) {
        Response answer = given().redirects().follow(false).accept(BROWSER).formParam("j_username", user).formParam("j_password", password)
                .post("/console/j_security_check");
        answer.then().statusCode(302).header("Location", endsWith("/console/"))
                .header("Set-Cookie", containsStringIgnoringCase("HttpOnly")).header("Set-Cookie", containsString("SameSite=Strict"));
        return answer.cookie("quarkus-credential");
    }

    @Test
    void shouldSendTheBrowserToSignInAndTheApiClientA401() {
        given().redirects().follow(false).get("/console/").then().statusCode(302)
                .header("Location", endsWith("/console/sign-in.html"));
        given().get("/console/sign-in.html").then().statusCode(200).body(containsString("/console/j_security_check"));
        given().get("/rulesets").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
        given().redirects().follow(false).accept(BROWSER).get("/rulesets/1/files/upsell.drl.xlsx").then().statusCode(302)
                .header("Location", endsWith("/console/sign-in.html"));
        given().redirects().follow(false).accept(BROWSER).formParam("j_username", "viewer").formParam("j_password", "wrong")
                .post("/console/j_security_check").then().statusCode(302).header("Location", endsWith("/console/sign-in.html?failed"));
    }

    @Test
    void shouldCarryTheSignedInUserAndRolesToTheApi() {
        String viewer = signIn("viewer", "viewer-dev-password");
        given().cookie("quarkus-credential", viewer).get("/console/session").then().statusCode(200)
                .body("name", equalTo("viewer")).body("roles", contains("viewer"));
        given().cookie("quarkus-credential", viewer).get("/console/").then().statusCode(200).body(containsString("versions.js"));
        given().cookie("quarkus-credential", viewer).get("/rulesets/1").then().statusCode(200);
        given().cookie("quarkus-credential", viewer).post("/rulesets/1/activate").then().statusCode(403);

        String admin = signIn("admin", "admin-dev-password");
        given().cookie("quarkus-credential", admin).get("/console/session").then().body("roles", contains("admin", "analyst"));
        given().cookie("quarkus-credential", admin).redirects().follow(false).post("/console/session/sign-out").then()
                .statusCode(303).header("Location", endsWith("/console/sign-in.html"))
                .header("Set-Cookie", startsWith("quarkus-credential=;"));
    }

    @Test
    void shouldServeAWorkbookAsTheGridOfCellsAnAnalystSees() {
        String viewer = signIn("viewer", "viewer-dev-password");
        given().cookie("quarkus-credential", viewer).get("/rulesets/1/files/upsell.drl.xlsx/sheets").then().statusCode(200)
                .body("file", equalTo("upsell.drl.xlsx"))
                .body("sheets[0].name", equalTo("Upsell"))
                .body("sheets[0].rows.find { it.row == 1 }.cells[0].text", equalTo("Upsell offers"))
                // The Drools rows are collapsed in the workbook; a percent cell reads as its fraction.
                .body("sheets[0].rows.find { it.row == 4 }.hidden", equalTo(true))
                .body("sheets[0].rows.find { it.row == 13 }.hidden", equalTo(false))
                .body("sheets[0].rows.find { it.row == 13 }.cells.find { it.ref == 'C13' }.text", equalTo("0.9"));
        given().cookie("quarkus-credential", viewer).get("/rulesets/1/files/nothing.drl.xlsx/sheets").then().statusCode(404)
                .body("detail", equalTo("Version 1 has no file nothing.drl.xlsx."));
    }
}
