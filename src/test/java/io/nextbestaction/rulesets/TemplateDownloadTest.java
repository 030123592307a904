package io.nextbestaction.rulesets;

import io.nextbestaction.rules.RuleFile;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static io.nextbestaction.rulesets.RuleSetLifecycleTest.analyst;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.viewer;
import static io.nextbestaction.rulesets.RuleSetLifecycleTest.withFiles;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Any signed-in user downloads the template for a new offer table; uploaded unchanged, it compiles with the playbook. */
@QuarkusTest
class TemplateDownloadTest {

    @Test
    void shouldHandOutATemplateThatCompilesWithThePlaybook() throws IOException {
        byte[] template = viewer().get("/rulesets/template").then().statusCode(200)
                .contentType(TemplateResource.XLSX)
                .header("Content-Disposition", "attachment; filename=\"offer-table.drl.xlsx\"")
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = workbook.getSheet("New offers");
            int explore = sheet.getRow(11).getLastCellNum() - 1;
            int action = explore - 2;
            assertEquals(List.of("Action", "Learn", "Explore"), List.of(sheet.getRow(11).getCell(action).getStringCellValue(),
                    sheet.getRow(11).getCell(action + 1).getStringCellValue(), sheet.getRow(11).getCell(explore).getStringCellValue()));
            assertEquals(List.of("yes", "no"), Arrays.asList(validationAt(sheet, 12, explore).getValidationConstraint().getExplicitListValues()));
            XSSFDataValidation dropdown = validationAt(sheet, 12, action);
            assertNotNull(dropdown, "a dropdown on the action column");
            assertEquals(List.of("SELF_SERVE", "SALES_HANDOFF", "CS_TASK"),
                    Arrays.asList(dropdown.getValidationConstraint().getExplicitListValues()));
            assertNotNull(workbook.getSheet("How to edit"), "a How to edit sheet");
        }
        withFiles(analyst(), List.of(new RuleFile(TemplateResource.FILE, template))).multiPart("comment", "the template, unchanged")
                .post("/rulesets").then().statusCode(201)
                .body("status", equalTo("VALID"))
                .body("files.name", hasItem(TemplateResource.FILE));
    }

    @Test
    void shouldAskWhoIsAsking() {
        given().get("/rulesets/template").then().statusCode(401);
    }

    /** The validation covering a cell (0-based row and column), or null. */
    private static XSSFDataValidation validationAt(XSSFSheet sheet, int row, int col) {
        for (XSSFDataValidation validation : sheet.getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(row, col)) {
                    return validation;
                }
            }
        }
        return null;
    }
}
