package io.nextbestaction.rulesets;

import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.rules.RowCells;
import io.nextbestaction.rules.RuleFile;
import io.nextbestaction.rulesets.VersionDiff.CellChange;
import io.nextbestaction.rulesets.VersionDiff.Change;
import io.nextbestaction.rulesets.VersionDiff.FileChange;
import io.nextbestaction.rulesets.VersionDiff.RowChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Two stored versions compared row by row; any two, valid or rejected, in either order. */
@ApplicationScoped
public class RuleSetDiff {

    private final RuleSetStore store;
    private final ActivationGate gate;

    public RuleSetDiff(RuleSetStore store, ActivationGate gate) {
        this.store = store;
        this.gate = gate;
    }

    @Transactional
    public VersionDiff between(int before, int after) {
        for (int version : new int[] {before, after}) {
            store.find(version).orElseThrow(() -> ProblemException.notFound("No ruleset version " + version + " is stored."));
        }
        List<RuleFile> from = store.ruleFilesOf(before);
        List<RuleFile> to = store.ruleFilesOf(after);
        return new VersionDiff(before, after, files(from, to), rows(from, to),
                gate.expectationsChanged(store.caseFilesOf(before), store.caseFilesOf(after)));
    }

    /** Rule files and case files alike. */
    private static List<FileChange> files(List<RuleFile> from, List<RuleFile> to) {
        Map<String, RuleFile> old = byName(from);
        Map<String, RuleFile> now = byName(to);
        List<FileChange> changes = new ArrayList<>();
        for (String name : new TreeSet<>(union(old.keySet(), now.keySet()))) {
            RuleFile a = old.get(name);
            RuleFile b = now.get(name);
            if (a == null || b == null) {
                changes.add(new FileChange(name, a == null ? Change.ADDED : Change.REMOVED));
            } else if (!Arrays.equals(a.content(), b.content())) {
                changes.add(new FileChange(name, Change.CHANGED));
            }
        }
        return changes;
    }

    /** Rows matched by file, sheet and rule name (the n-th of a repeated name with the n-th), in the newer order. */
    static List<RowChange> rows(List<RuleFile> from, List<RuleFile> to) {
        Map<String, RowCells> old = keyed(from);
        Map<String, RowCells> now = keyed(to);
        List<RowChange> changes = new ArrayList<>();
        now.forEach((key, row) -> {
            RowCells was = old.get(key);
            if (was == null) {
                changes.add(new RowChange(row.file(), row.sheet(), row.rule(), Change.ADDED, null, row.row(), cells(Map.of(), row.cells())));
            } else {
                List<CellChange> cells = cells(was.cells(), row.cells());
                if (!cells.isEmpty()) {
                    changes.add(new RowChange(row.file(), row.sheet(), row.rule(), Change.CHANGED, was.row(), row.row(), cells));
                }
            }
        });
        old.forEach((key, row) -> {
            if (!now.containsKey(key)) {
                changes.add(new RowChange(row.file(), row.sheet(), row.rule(), Change.REMOVED, row.row(), null, cells(row.cells(), Map.of())));
            }
        });
        return changes;
    }

    /** The cells that differ, by column title, in the newer column order; a column added or removed shows as empty. */
    private static List<CellChange> cells(Map<String, String> before, Map<String, String> after) {
        List<CellChange> changes = new ArrayList<>();
        for (String column : union(after.keySet(), before.keySet())) {
            String a = before.get(column);
            String b = after.get(column);
            if (!Objects.equals(a, b)) {
                changes.add(new CellChange(column, a, b));
            }
        }
        return changes;
    }

    private static Map<String, RowCells> keyed(List<RuleFile> files) {
        Map<String, RowCells> rows = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RuleFile file : files) {
            for (RowCells row : RowCells.of(file)) {
                String key = row.file() + "\u0000" + row.sheet() + "\u0000" + row.rule();
                rows.put(key + "\u0000" + seen.merge(key, 1, Integer::sum), row);
            }
        }
        return rows;
    }

    private static Map<String, RuleFile> byName(List<RuleFile> files) {
        return files.stream().collect(Collectors.toMap(RuleFile::name, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private static <T> List<T> union(Collection<T> first, Collection<T> second) {
        List<T> all = new ArrayList<>(first);
        second.stream().filter(t -> !first.contains(t)).forEach(all::add);
        return all;
    }
}
