package io.nextbestaction.playbook;

import io.nextbestaction.playbook.Playbook.Kind;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.EnumMap;
import java.util.Map;

/** The cell styles of a playbook workbook: Drools rows in grey and locked, data cells aligned left and unlocked. */
final class WorkbookStyles {

    /** Shows 0.9 as 90%; Drools still reads 0.9 (the offer workbooks set IgnoreNumericFormat). */
    static final String PERCENT = "0%";

    private final CellStyle title;
    private final CellStyle description;
    private final CellStyle drools;
    private final CellStyle header;
    private final Map<Kind, CellStyle> data = new EnumMap<>(Kind.class);

    WorkbookStyles(XSSFWorkbook workbook) {
        title = workbook.createCellStyle();
        title.setFont(font(workbook, true, false, (short) 16, IndexedColors.BLACK));
        description = workbook.createCellStyle();
        description.setFont(font(workbook, false, true, (short) 11, IndexedColors.BLACK));
        drools = workbook.createCellStyle();
        drools.setFont(font(workbook, false, false, (short) 9, IndexedColors.GREY_50_PERCENT));
        header = workbook.createCellStyle();
        header.setFont(font(workbook, true, false, (short) 11, IndexedColors.BLACK));
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        for (Kind kind : Kind.values()) {
            CellStyle style = workbook.createCellStyle();
            style.setLocked(false);
            style.setAlignment(HorizontalAlignment.LEFT);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (kind == Kind.PERCENT) {
                style.setDataFormat(workbook.createDataFormat().getFormat(PERCENT));
            }
            data.put(kind, style);
        }
    }

    CellStyle title() {
        return title;
    }

    CellStyle description() {
        return description;
    }

    CellStyle drools() {
        return drools;
    }

    CellStyle header() {
        return header;
    }

    /** An editable cell of a column of this kind. */
    CellStyle data(Kind kind) {
        return data.get(kind);
    }

    private static Font font(XSSFWorkbook workbook, boolean bold, boolean italic, short points, IndexedColors color) {
        Font font = workbook.createFont();
        font.setBold(bold);
        font.setItalic(italic);
        font.setFontHeightInPoints(points);
        font.setColor(color.getIndex());
        return font;
    }
}
