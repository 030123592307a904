package io.nextbestaction.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One file of a ruleset as the analyst saved it: a decision-table workbook (.drl.xlsx, .drl.xls, .drl.csv) or DRL, or
 * a regression case file that travels with the rules (.test.xlsx, .test.json), which is stored but never compiled.
 */
public record RuleFile(String name, byte[] content) {

    public boolean isDrl() {
        return name.endsWith(".drl");
    }

    public boolean isCsv() {
        return name.endsWith(".drl.csv");
    }

    public boolean isWorkbook() {
        return name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls");
    }

    public boolean isRuleFile() {
        return isDrl() || isCsv() || isWorkbook();
    }

    public boolean isCaseFile() {
        return name.endsWith(".test.xlsx") || name.endsWith(".test.json");
    }

    public ContentHash contentHash() {
        return ContentHash.of(content);
    }

    /** The rule files of a folder; other files, and the lock files a spreadsheet program leaves (~$…), are skipped. */
    public static List<RuleFile> readFolder(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("~$"))
                    .map(p -> new RuleFile(p.getFileName().toString(), readBytes(p)))
                    .filter(RuleFile::isRuleFile)
                    .sorted(Comparator.comparing(RuleFile::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
