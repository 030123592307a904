package io.nextbestaction.playbook;

import io.nextbestaction.playbook.Playbook.Book;
import io.nextbestaction.playbook.Playbook.Column;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template workbook the service hands out for a new offer table: the columns of the shipped offer tables (every
 * condition of add-on, upsell, cross-sell and enablement, each once) and one example row to copy.
 */
final class TemplateContent {

    static final String FILE = "offer-table.drl.xlsx";

    private TemplateContent() {
    }

    static Book book() {
        Map<String, Column> conditions = new LinkedHashMap<>();
        PlaybookContent.offerBooks().forEach(book -> book.tables().get(0).columns().stream()
                .filter(Column::isCondition).forEach(c -> conditions.putIfAbsent(c.template(), c)));
        List<Column> columns = List.copyOf(conditions.values());
        List<Object> example = new ArrayList<>(Collections.nCopies(columns.size(), null));
        example.set(indexOf(columns, "Plan is"), "BUSINESS");
        example.set(indexOf(columns, "Seat utilization at least"), 0.8);
        example.add(0, "Example: Enterprise plan for Business accounts with 80% of their seats used");
        example.addAll(List.of("plan-upgrade-enterprise", 0.2, "SALES_HANDOFF"));
        return PlaybookContent.offers(FILE, "New offers", "New offers",
                "A new offer table: every condition of the shipped offer tables, and an example row to copy or overwrite. "
                        + "Save it under a name of its own (….drl.xlsx) and upload it; the first matching row per offer wins.",
                "expansion.custom", columns, List.of(example));
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No condition column " + name);
    }
}
