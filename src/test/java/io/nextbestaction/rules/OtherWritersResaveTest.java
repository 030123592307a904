package io.nextbestaction.rules;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shipped playbook opened and saved unchanged by openpyxl (which, like a Google Sheets export, leaves out the
 * covered cells of merged regions, and keeps formulas without their results) and by LibreOffice Calc: each must read
 * exactly as the shipped one. The tools are
 * Debian's packages python3-openpyxl and libreoffice-calc-nogui, which {@code .ci/run} installs; when one is missing
 * the test fails on CI (the variable CI is set) and is skipped elsewhere.
 */
class OtherWritersResaveTest {

    /** Loads and saves each workbook of a folder into another, as a script or a Google Sheets round trip would. */
    private static final String OPENPYXL_RESAVE = """
            import os, sys, openpyxl
            source, target = sys.argv[1], sys.argv[2]
            for name in sorted(os.listdir(source)):
                openpyxl.load_workbook(os.path.join(source, name)).save(os.path.join(target, name))
            """;

    @TempDir
    Path temp;

    @Test
    void shouldReadThePlaybookSavedByOpenpyxlAsTheShippedOne() throws Exception {
        String python = pythonWithOpenpyxl();
        Path saved = Files.createDirectory(temp.resolve("openpyxl"));
        run(List.of(python, "-c", OPENPYXL_RESAVE, shippedCopies().toString(), saved.toString()));

        List<RuleFile> resaved = RuleFile.readFolder(saved);
        int covered = 0;
        for (RuleFile file : resaved) {
            covered += ResaveComparison.coveredCellsWritten(file);
        }
        assertEquals(0, covered, "openpyxl leaves out the covered cells of merged regions");
        ResaveComparison.assertReadsAsShipped(resaved, "openpyxl");
    }

    @Test
    void shouldComputeAFormulaOpenpyxlSavesWithoutItsResult() throws Exception {
        String python = pythonWithOpenpyxl();
        Path copies = shippedCopies();
        Files.write(copies.resolve("add-on.drl.xlsx"), withFormula(Workbooks.shipped("add-on.drl.xlsx"), "F14", "2/5"));
        Path saved = Files.createDirectory(temp.resolve("openpyxl-formula"));
        run(List.of(python, "-c", OPENPYXL_RESAVE, copies.toString(), saved.toString()));

        List<RuleFile> resaved = RuleFile.readFolder(saved);
        try (XSSFWorkbook addOns = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(saved.resolve("add-on.drl.xlsx"))))) {
            XSSFCell propensity = addOns.getSheet("Add-ons").getRow(13).getCell(5);
            assertEquals("2/5", propensity.getCellFormula());
            assertEquals("", propensity.getRawValue(), "openpyxl keeps the formula but not its result");
        }
        ResaveComparison.assertReadsAsShipped(resaved, "openpyxl, a propensity as a formula");
    }

    @Test
    void shouldReadThePlaybookSavedByLibreOfficeAsTheShippedOne() throws Exception {
        require(succeeds("soffice", "--version"), "LibreOffice Calc (soffice)", "libreoffice-calc-nogui");
        Path saved = Files.createDirectory(temp.resolve("libreoffice"));
        List<String> command = new ArrayList<>(List.of("soffice", "--headless", "-env:UserInstallation=" + temp.resolve("profile").toUri(),
                "--convert-to", "xlsx", "--outdir", saved.toString()));
        try (var files = Files.list(shippedCopies())) {
            files.sorted().forEach(file -> command.add(file.toString()));
        }
        run(command); // one call for all files: LibreOffice takes seconds to start

        List<RuleFile> resaved = RuleFile.readFolder(saved);
        assertTrue(resaved.stream().allMatch(f -> f.content().length > 0), "LibreOffice wrote every workbook");
        ResaveComparison.assertReadsAsShipped(resaved, "LibreOffice Calc");
    }

    private Path shippedCopies() throws IOException {
        Path copies = Files.createDirectories(temp.resolve("shipped"));
        for (RuleFile file : Workbooks.shippedPlaybook()) {
            Files.write(copies.resolve(file.name()), file.content());
        }
        return copies;
    }

    /** A workbook with a cell turned into a formula, its result stored as Excel stores it. */
    private static byte[] withFormula(RuleFile file, String ref, String formula) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellReference at = new CellReference(ref);
            XSSFCell cell = workbook.getSheetAt(0).getRow(at.getRow()).getCell(at.getCol());
            cell.setCellFormula(formula);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Runs a tool with a writable home of its own; its output goes into the failure message. */
    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = temp.resolve("tool.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", temp.toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish in 5 minutes: " + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), command.get(0) + " failed: " + Files.readString(log));
    }

    /** Debian's python3 has Debian's openpyxl; a python3 earlier on the PATH (pyenv, a virtualenv) may not. */
    private static String pythonWithOpenpyxl() {
        String python = Stream.of("python3", "/usr/bin/python3").filter(p -> succeeds(p, "-c", "import openpyxl")).findFirst().orElse(null);
        require(python != null, "python3 with openpyxl", "python3-openpyxl");
        return python;
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(2, TimeUnit.MINUTES)) {
                return process.exitValue() == 0;
            }
            process.destroyForcibly();
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void require(boolean present, String tool, String debianPackage) {
        String message = tool + " is missing: .ci/run installs it (apt-get install -y " + debianPackage + ")";
        if (!present && System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.assumeTrue(present, message);
    }
}
