package io.nextbestaction.rules;

/** Whether a rule file's bytes are the kind of file its name says: an empty file, or an .xls named .xlsx, is not. */
final class FileFormatCheck {

    private FileFormatCheck() {
    }

    /** What is wrong with the bytes for the file's name; null when they are what the name says. */
    static String problem(RuleFile file) {
        byte[] b = file.content();
        if (b.length == 0) {
            return "the file is empty";
        }
        boolean zip = b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole2 = b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0;
        if (file.name().endsWith(".drl.xlsx") && !zip) {
            return ole2 ? "this is an .xls workbook named .xlsx: save it as .xlsx, or rename it to .drl.xls" : "this is not an Excel workbook (.xlsx)";
        }
        if (file.name().endsWith(".drl.xls") && !ole2) {
            return zip ? "this is an .xlsx workbook named .xls: rename it to .drl.xlsx" : "this is not an Excel 97-2003 workbook (.xls)";
        }
        if ((file.isDrl() || file.isCsv()) && (zip || ole2)) {
            return "this is a binary workbook, not a text " + (file.isDrl() ? "DRL" : "CSV") + " file";
        }
        return null;
    }
}
