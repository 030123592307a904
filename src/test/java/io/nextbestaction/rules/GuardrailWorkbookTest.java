package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;
import io.nextbestaction.rules.facts.OfferType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guardrail that is a condition on the account is added in the guardrail workbook alone, with a code of its own. */
class GuardrailWorkbookTest {

    @Test
    void shouldApplyAGuardrailAddedAsAColumnAndARowOfTheWorkbook() throws Exception {
        RuleFile guardrails = Workbooks.shipped("guardrails.drl.xlsx");
        String sheet = "Guardrails";
        guardrails = Workbooks.withCell(guardrails, sheet, "K9", "CONDITION");
        guardrails = Workbooks.withCell(guardrails, sheet, "K10", "Account");
        guardrails = Workbooks.withCell(guardrails, sheet, "K11", "$trigger : when(plan == \"$param\", \"plan is $param\") != null");
        guardrails = Workbooks.withCell(guardrails, sheet, "K12", "Plan is");
        guardrails = Workbooks.withCell(guardrails, sheet, "A20", "Trial accounts: no expansion offers");
        guardrails = Workbooks.withCell(guardrails, sheet, "K20", "TRIAL");
        guardrails = Workbooks.withCell(guardrails, sheet, "I20", "TRIAL_PAUSE");
        guardrails = Workbooks.withCell(guardrails, sheet, "J20", "UPSELL, CROSS_SELL, ADD_ON");

        RuleSet ruleSet = new RuleSetCompiler().compile(Workbooks.playbookWith(guardrails));

        assertTrue(ruleSet.guardrails().contains("TRIAL_PAUSE"), ruleSet.guardrails().toString());
        TriggeredGuardrail trial = ruleSet.evaluate(account("TRIAL")).guardrails().stream()
                .filter(g -> g.code().equals("TRIAL_PAUSE")).findFirst().orElseThrow();
        assertEquals("plan is TRIAL", trial.trigger().reason());
        assertEquals(Set.of(OfferType.UPSELL, OfferType.CROSS_SELL, OfferType.ADD_ON), trial.offerTypes());
        assertEquals("guardrails.drl.xlsx › Guardrails row 20: Trial accounts: no expansion offers", trial.row().toString());
        assertTrue(ruleSet.evaluate(account("TEAM")).guardrails().stream().noneMatch(g -> g.code().equals("TRIAL_PAUSE")));
    }

    private static Account account(String plan) {
        Account account = new Account();
        account.setId("trial-guardrail");
        account.setPlan(plan);
        return account;
    }
}
