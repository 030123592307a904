package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rules.Workbooks;
import io.nextbestaction.LargeBody;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.analyst;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.withFiles;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rejected upload says, cell by cell, what is wrong; hostile files get clear 4xx answers. */
@QuarkusTest
class RuleSetValidationTest {

    @TestHTTPResource("/rulesets")
    URI uploads;

    /** Uploads one file onto the active version. */
    static ValidatableResponse upload(RuleFile file) {
        return withFiles(analyst(), List.of(file)).multiPart("comment", "test").post("/rulesets").then();
    }

    static ValidatableResponse rejected(RuleFile file, String cell, String message) {
        return upload(file).statusCode(422).contentType("application/problem+json")
                .body("errors.find { it.cell == '" + cell + "' }.message", containsString(message))
                .body("errors.find { it.cell == '" + cell + "' }.file", equalTo(file.name()));
    }

    static RuleFile addOn(String cell, Object value) {
        return Workbooks.withCell(Workbooks.shipped("add-on.drl.xlsx"), "Add-ons", cell, value);
    }

    static RuleFile guardrails(String cell, Object value) {
        return Workbooks.withCell(Workbooks.shipped("guardrails.drl.xlsx"), "Guardrails", cell, value);
    }

    @Test
    void shouldNameAnUnknownOfferId() {
        rejected(addOn("E14", "seat-pack-99"), "E14", "unknown offer id \"seat-pack-99\"");
    }

    @Test
    void shouldRejectAPropensityOutsideZeroToOne() {
        rejected(addOn("F14", 1.5), "F14", "1.5 is more than 1; Propensity takes a number from 0 to 1");
    }

    @Test
    void shouldRejectALearnCellThatIsNotAStrength() {
        rejected(addOn("H14", "fifty"), "H14", "\"fifty\" is not a number; Learn takes a number of presentations, a whole number"
                + " from 1 to 100000, e.g. 50").body("errors.find { it.cell == 'H14' }.sheet", equalTo("Add-ons"));
    }

    @Test
    void shouldRejectAnUnknownAction() {
        rejected(addOn("G14", "CALL_THEM"), "G14", "unknown action \"CALL_THEM\"");
    }

    @Test
    void shouldAcceptANewGuardrailCodeNamedInTheWorkbook() {
        withFiles(analyst(), Workbooks.playbookWith(guardrails("I13", "MY_NEW_GUARDRAIL"))).multiPart("base", "none")
                .post("/rulesets").then().statusCode(201);
    }

    @Test
    void shouldRejectAGuardrailCodeNotWrittenInCapitals() {
        rejected(guardrails("I13", "cooldown"), "I13",
                "\"cooldown\": codes are written in capitals with underscores, e.g. COOLDOWN");
    }

    @Test
    void shouldRejectTheServicesOwnGuardrailCode() {
        rejected(guardrails("I13", "NO_CHANNEL"), "I13",
                "NO_CHANNEL is the service's own guardrail (an offer left with no channel); a row cannot report it");
    }

    @Test
    void shouldRejectANegativeWindow() {
        rejected(guardrails("D15", -14), "D15", "cannot be negative");
    }

    @Test
    void shouldRejectAnUnknownOfferType() {
        rejected(guardrails("J13", "UPSELL, FREEBIE"), "J13", "unknown offer type \"FREEBIE\"");
    }

    @Test
    void shouldRejectARowThatCanNeverFire() {
        // Row 13 proposes the seat pack from 100%; with 100% here, row 14 is never reached.
        rejected(addOn("B14", 1.0), "A14", "can never fire: row 13");
    }

    @Test
    void shouldWarnAboutOverlappingRowsOnAValidUpload() {
        withFiles(analyst(), Workbooks.playbookWith(RuleSetLifecycleTest.annualSwitchPropensity(0.35))).multiPart("base", "none")
                .post("/rulesets").then().statusCode(201)
                .body("warnings.message", hasItem(containsString("overlaps row 13")))
                .body("warnings.file", hasItem("upsell.drl.xlsx"));
    }

    @Test
    void shouldRejectAnImportOutsideTheFactModel() {
        rejected(addOn("B5", "io.nextbestaction.rules.facts.*, java.io.File"), "B5", "import java.io.File is outside the service's fact model");
    }

    @Test
    void shouldRejectAFunctionsBlock() {
        RuleFile functions = Workbooks.withCell(addOn("A7", "Functions"), "Add-ons", "B7", "function void hello() { }");
        rejected(functions, "A7", "Functions blocks are not allowed");
    }

    @Test
    void shouldRejectAnActionThatReachesTheJvm() {
        rejected(addOn("G14", "SELF_SERVE\"); System.exit(0); offer.setAction(\"SELF_SERVE"), "G14", "\"System.\" is not allowed");
    }

    @Test
    void shouldRejectADrlFileThatReachesTheNetwork() {
        String drl = """
                package expansion.extra;
                import java.net.URL;
                rule "phone home"
                when
                then
                    new URL("http://example.org").openStream();
                end
                """;
        upload(new RuleFile("extra.drl", drl.getBytes(StandardCharsets.UTF_8))).statusCode(422)
                .body("errors.cell", hasItem("line 2"))
                .body("errors.message", hasItem(containsString("import java.net.URL is outside the service's fact model")));
    }

    @Test
    void shouldRejectAnEmptyFile() {
        upload(new RuleFile("upsell.drl.xlsx", new byte[0])).statusCode(422)
                .body("errors.find { it.file == 'upsell.drl.xlsx' }.message", equalTo("the file is empty"));
    }

    @Test
    void shouldRejectBytesThatAreNotASpreadsheet() {
        upload(new RuleFile("upsell.drl.xlsx", "hello".getBytes(StandardCharsets.UTF_8))).statusCode(422)
                .body("errors.message", hasItem("this is not an Excel workbook (.xlsx)"));
    }

    @Test
    void shouldRejectAnXlsNamedXlsx() throws IOException {
        byte[] xls = Files.readAllBytes(Path.of("src/test/resources/real-world-tables/kie-drools/ShopRules.drl.xls"));
        upload(new RuleFile("shop.drl.xlsx", xls)).statusCode(422)
                .body("errors.message", hasItem(containsString("an .xls workbook named .xlsx")));
    }

    @Test
    void shouldRejectAZipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
        }
        upload(new RuleFile("bomb.drl.xlsx", bytes.toByteArray())).statusCode(422)
                .body("errors.file", hasItem("bomb.drl.xlsx"));
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimit() {
        byte[] big = new byte[9 * 1024 * 1024];
        big[0] = 'P';
        big[1] = 'K';
        withFiles(analyst(), List.of(new RuleFile("huge.drl.xlsx", big))).post("/rulesets").then()
                .statusCode(413).contentType("application/problem+json").body("detail", containsString("huge.drl.xlsx"));
    }

    @Test
    void shouldAnswerAnUploadOverTheServerLimitWithAProblem() throws Exception {
        long serverLimit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
        LargeBody.Answer answer = LargeBody.declared(uploads, "multipart/form-data; boundary=b", serverLimit + 1,
                "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-dev-password".getBytes(StandardCharsets.UTF_8)));
        assertEquals(413, answer.status());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("The body is larger than the limit of " + serverLimit + " bytes.", JsonPath.from(answer.body()).getString("detail"));
    }

    @Test
    void shouldAnswerEveryRealWorldTableWithAValidationOrAPreciseError() throws IOException {
        List<Path> tables;
        try (var files = Files.walk(Path.of("src/test/resources/real-world-tables"))) {
            tables = files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
        }
        org.junit.jupiter.api.Assertions.assertEquals(25, tables.size());
        for (Path table : tables) {
            byte[] content = Files.readAllBytes(table);
            String name = table.getFileName().toString();
            String asRuleFile = name.contains(".drl.") ? name : name.replaceFirst("\\.(xls|csv)$", ".drl.$1").replace(' ', '_');
            for (String uploadedAs : List.of(name, asRuleFile)) {
                withFiles(analyst(), List.of(new RuleFile(uploadedAs, content))).multiPart("base", "none").post("/rulesets").then()
                        .statusCode(422)
                        .contentType("application/problem+json")
                        .body("errors", not(empty()))
                        .body("errors.findAll { it.file == null || it.message == null }", empty());
            }
        }
    }
}
