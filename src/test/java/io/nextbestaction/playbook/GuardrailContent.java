package io.nextbestaction.playbook;

import io.nextbestaction.playbook.Playbook.Book;
import io.nextbestaction.playbook.Playbook.Kind;
import io.nextbestaction.playbook.Playbook.Table;

import java.util.List;

import static io.nextbestaction.playbook.PlaybookContent.ACCOUNT;
import static io.nextbestaction.playbook.PlaybookContent.ANY;
import static io.nextbestaction.playbook.PlaybookContent.col;
import static io.nextbestaction.playbook.PlaybookContent.name;
import static io.nextbestaction.playbook.PlaybookContent.row;

/** The guardrail workbook as data: when not to sell. */
final class GuardrailContent {

    private static final String TYPES = "UPSELL, CROSS_SELL, ADD_ON";

    private GuardrailContent() {
    }

    static Book book() {
        Table table = new Table(8, "Guardrails", ACCOUNT, List.of(
                name("Why offers are held back; every explanation names it."),
                col("CONDITION", "$trigger : healthScoreBelow($param) != null", "Health score below", Kind.NUMBER,
                        "The account's health score, 0 to 100." + ANY),
                col("CONDITION", "$trigger : openTicketsAbove($param) != null", "Open tickets more than", Kind.NUMBER,
                        "Support tickets open now." + ANY),
                col("CONDITION", "$trigger : ticketWithinDays($param) != null", "Last ticket within (days)", Kind.NUMBER,
                        "Days since the last support ticket was opened." + ANY),
                col("CONDITION", "$trigger : downgradeWithinDays($param) != null", "Downgrade within (days)", Kind.NUMBER,
                        "Days since the account last downgraded." + ANY),
                col("CONDITION", "$trigger : purchaseWithinDays($param) != null", "Purchase within (days)", Kind.NUMBER,
                        "Days since the account last bought something." + ANY),
                col("CONDITION", "$trigger : expansionOffersPresented($1, $2) != null",
                        "Expansion offers presented (at least, within days)", Kind.TEXT,
                        "Two numbers: how many expansion offers were presented, within how many days: \"2, 7\"." + ANY),
                col("CONDITION", "$trigger : offersDismissedWithinDays($param) != null", "Offer dismissed within (days)", Kind.NUMBER,
                        "Days since the account dismissed an offer; suppresses that offer." + ANY),
                col("ACTION", "GuardrailHit guardrail = evaluation.suppress(drools, $trigger, \"$param\");", "Guardrail", Kind.GUARDRAIL,
                        "The code an answer reports when this row holds offers back. Required; a new code is allowed."),
                col("ACTION", "guardrail.setOfferTypes(\"$param\");", "Suppresses offer types", Kind.OFFER_TYPES,
                        "One or more offer types, comma-separated: \"UPSELL, CROSS_SELL\". Required.")), List.of(
                row("Not ready: health score below 60", 60, null, null, null, null, null, null, "NOT_READY", TYPES),
                row("Support cooldown: a ticket is open", null, 0, null, null, null, null, null, "SUPPORT_COOLDOWN", TYPES),
                row("Support cooldown: 14 days after a ticket", null, null, 14, null, null, null, null, "SUPPORT_COOLDOWN", TYPES),
                row("Downgrade cooldown: 60 days after a downgrade", null, null, null, 60, null, null, null, "DOWNGRADE_COOLDOWN",
                        "UPSELL"),
                row("Post-purchase rest: 7 days after a purchase", null, null, null, null, 7, null, null, "POST_PURCHASE", TYPES),
                row("Frequency cap: 2 expansion offers presented in 7 days", null, null, null, null, null, "2, 7", null,
                        "FREQUENCY_CAP", TYPES),
                row("Dismissed offer rests 30 days", null, null, null, null, null, null, 30, "DISMISSED_RECENTLY",
                        TYPES + ", ENABLEMENT")));
        return new Book("guardrails.drl.xlsx", "Guardrails", "Guardrails",
                "When not to sell: each row that matches suppresses the offer types it names, and the guardrail code is reported.",
                "expansion.guardrails", PlaybookContent.EVALUATION, List.of(), List.of(table));
    }
}
