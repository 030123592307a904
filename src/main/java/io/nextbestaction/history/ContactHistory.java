package io.nextbestaction.history;

import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.log.Decision;
import io.nextbestaction.log.DecisionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The stored contact history that frequency caps and cooldowns read. */
@ApplicationScoped
public class ContactHistory {

    /** Clocks differ a little between systems; a contact further in the future than this is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final EntityManager em;
    private final DecisionLog decisionLog;
    private final Duration lookback;

    public ContactHistory(EntityManager em, DecisionLog decisionLog,
                          @ConfigProperty(name = "nba.history.lookback-days") int lookbackDays) {
        this.em = em;
        this.decisionLog = decisionLog;
        this.lookback = Duration.ofDays(lookbackDays);
    }

    /** The account's contacts within the lookback, as of {@code now}; read as values, not managed entities. */
    public List<PastContact> recentFor(String accountId, Instant now) {
        return em.createQuery("select new io.nextbestaction.history.PastContact(e.offerId, str(e.outcome), e.at)"
                        + " from ContactEvent e where e.accountId = ?1 and e.at >= ?2", PastContact.class)
                .setParameter(1, accountId)
                .setParameter(2, now.minus(lookback))
                .getResultList();
    }

    /** Stores every row or none. */
    @Transactional
    public void importContacts(List<ContactRecord> rows, Instant now) {
        for (int i = 0; i < rows.size(); i++) {
            checkNotFuture(rows.get(i).at(), now, "[" + i + "].at");
        }
        for (ContactRecord row : rows) {
            ContactEvent event = new ContactEvent();
            event.accountId = row.accountId();
            event.offerId = row.offerId();
            event.outcome = row.outcome();
            event.at = row.at();
            event.recordedAt = now;
            event.persist();
        }
    }

    /**
     * Records what happened to an offer of a decision; from then on it counts for caps and cooldowns.
     * Returns false when the same outcome was recorded before: a repeat is idempotent.
     */
    @Transactional
    public boolean recordOutcome(String decisionId, OutcomeReport report, Instant now) {
        Decision decision = decisionLog.byId(decisionId)
                .orElseThrow(() -> ProblemException.notFound("No decision " + decisionId + " is logged."));
        if (!decisionLog.offered(decision.id, report.offerId())) {
            throw ProblemException.notFound("Decision " + decisionId + " did not offer " + report.offerId() + ".");
        }
        String accountId = decision.accountId;
        Instant at = report.at() == null ? now : report.at();
        checkNotFuture(at, now, "at");
        int inserted = em.createNativeQuery("""
                        insert into contact_event (account_id, offer_id, outcome, at, decision_id, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (decision_id, offer_id, outcome) do nothing""")
                .setParameter(1, accountId)
                .setParameter(2, report.offerId())
                .setParameter(3, report.outcome().name())
                .setParameter(4, at)
                .setParameter(5, decision.id)
                .setParameter(6, now)
                .executeUpdate();
        return inserted == 1;
    }

    private static void checkNotFuture(Instant at, Instant now, String field) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid(field + " is in the future.",
                    List.of(new Problem.FieldError(field, "must not be in the future")));
        }
    }
}
