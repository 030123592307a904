package io.nextbestaction.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one reader of a sheet's cells, for the DRL and for the checks alike: the cells as an analyst sees them, whatever
 * program saved the workbook. Excel and LibreOffice write the covered cells of a merged region, openpyxl and Google
 * Sheets do not; each cell of a merged region reads as its first cell here, written or not. A number reads the same
 * stored as a number, as text (" 0.8 ") or behind a format ("80 %" is 0.8); a formula reads as its cached result,
 * computed when the file holds none.
 */
final class SheetCells {

    /** The {@link CellText#mergedFrom()} of a cell outside any merged region. */
    static final int NOT_MERGED = -1;

    /**
     * A cell that shows something: where it is (A1 notation, its row from 1, its column from 0 for A), its text as an
     * analyst sees it, its value when it is a number, and the first column of the merged region it lies in.
     */
    record CellText(String ref, int row, int column, String text, Double number, int mergedFrom) {

        /** The same text at another cell of its merged region. */
        CellText at(int rowIndex, int columnIndex, int firstColumn) {
            return new CellText(new CellReference(rowIndex, columnIndex).formatAsString(false), rowIndex + 1, columnIndex, text,
                    number, firstColumn);
        }
    }

    /** The cells a sheet's merged regions may cover (a whole row is 16,384): a few bytes of XML can merge a million rows. */
    private static final long MAX_MERGED_CELLS = 100_000;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Excel shows at most 15 significant digits; beyond them a stored double is rounding noise. */
    private static final MathContext SHOWN = new MathContext(15);
    private static final BigDecimal LONG_FORM_LIMIT = BigDecimal.valueOf(1_000_000_000_000_000L);

    private SheetCells() {
    }

    /** The cells that show something, row by row, each row in column order. */
    static List<CellText> read(Sheet sheet) {
        Map<Integer, List<CellRangeAddress>> mergedByRow = mergedByRow(sheet);
        FormulaEvaluator evaluator = sheet.getWorkbook().getCreationHelper().createFormulaEvaluator();
        int lastRow = Math.max(sheet.getLastRowNum(), mergedByRow.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1));
        List<CellText> cells = new ArrayList<>();
        for (int r = 0; r <= lastRow; r++) {
            Map<Integer, CellText> row = new TreeMap<>();
            Row written = sheet.getRow(r);
            if (written != null) {
                for (Cell cell : written) {
                    row.put(cell.getColumnIndex(), text(cell, evaluator));
                }
            }
            Set<Integer> covered = new HashSet<>();
            for (CellRangeAddress region : mergedByRow.getOrDefault(r, List.of())) {
                Row firstRow = sheet.getRow(region.getFirstRow());
                CellText first = firstRow == null ? null : text(firstRow.getCell(region.getFirstColumn()), evaluator);
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    if (covered.add(c)) { // as in Drools, the first region listed wins where regions overlap
                        row.put(c, first == null ? null : first.at(r, c, region.getFirstColumn()));
                    }
                }
            }
            row.values().stream().filter(Objects::nonNull).forEach(cells::add);
        }
        return cells;
    }

    /** The merged regions that cross each row. */
    private static Map<Integer, List<CellRangeAddress>> mergedByRow(Sheet sheet) {
        Map<Integer, List<CellRangeAddress>> byRow = new HashMap<>();
        long covered = 0;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            covered += (long) (region.getLastRow() - region.getFirstRow() + 1) * (region.getLastColumn() - region.getFirstColumn() + 1);
            if (covered > MAX_MERGED_CELLS) {
                throw new IllegalArgumentException("the merged cells of sheet \"" + sheet.getSheetName() + "\" cover more than "
                        + MAX_MERGED_CELLS + " cells");
            }
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                byRow.computeIfAbsent(r, k -> new ArrayList<>()).add(region);
            }
        }
        return byRow;
    }

    /**
     * A cell as an analyst sees it, or null when it shows nothing. Text is trimmed; a number keeps its value whatever
     * its format, integral without ".0"; a date is the quoted text Drools compares dates with; a formula is its result.
     * The {@code NumericDisabled} and {@code IgnoreNumericFormat} flags of Drools have no effect: a number never
     * reads through its display format.
     */
    private static CellText text(Cell cell, FormulaEvaluator evaluator) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof XSSFCell formula && formula.getCellType() == CellType.FORMULA
                && (formula.getRawValue() == null || formula.getRawValue().isEmpty())) {
            compute(formula, evaluator);
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text;
        Double number = null;
        switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    text = "\"" + DroolsInternals.dateText(cell.getDateCellValue()) + "\"";
                } else {
                    number = cell.getNumericCellValue();
                    text = numberText(number);
                }
            }
            case STRING -> {
                text = cell.getStringCellValue().trim();
                number = NUMBER.matcher(text).matches() ? Double.valueOf(text) : null;
            }
            case BOOLEAN -> text = String.valueOf(cell.getBooleanCellValue());
            case ERROR -> text = FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> text = "";
        }
        return text.isEmpty() ? null : new CellText(new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false),
                cell.getRowIndex() + 1, cell.getColumnIndex(), text, number, NOT_MERGED);
    }

    /** Stores the result of a formula the file holds none for, as openpyxl saves formulas (Drools computed every formula). */
    private static void compute(XSSFCell formula, FormulaEvaluator evaluator) {
        try {
            evaluator.evaluateFormulaCell(formula);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cell " + formula.getReference() + ": the formula =" + formula.getCellFormula()
                    + " has no saved result and cannot be computed (" + e.getMessage() + ")", e);
        }
    }

    /** 42.0 as "42", 0.8 as "0.8", 6600.000000000001 as "6600", 1e20 as "1E+20". */
    private static String numberText(double value) {
        BigDecimal shown = new BigDecimal(value).round(SHOWN).stripTrailingZeros();
        return shown.scale() <= 0 && shown.abs().compareTo(LONG_FORM_LIMIT) < 0 ? shown.toBigInteger().toString() : shown.toString();
    }
}
