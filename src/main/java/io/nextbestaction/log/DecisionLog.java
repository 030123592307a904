package io.nextbestaction.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/** The durable log of decisions. Appends run inside the caller's transaction, so a 2xx means committed. */
@ApplicationScoped
public class DecisionLog {

    private final EntityManager em;

    public DecisionLog(EntityManager em) {
        this.em = em;
    }

    /**
     * Appends a decision unless one with the same requestId is logged already (a retry, perhaps concurrent).
     * Returns false when the requestId was taken, so the caller answers with the stored decision instead.
     * The offers and suppressions columns are taken from the response; {@code d.offers} is only needed for a
     * holdout decision, whose response offers nothing but whose log keeps what it would have offered.
     */
    public boolean append(Decision d) {
        int inserted = em.createNativeQuery("""
                        insert into decision (id, request_id, account_id, ruleset_version, request, offers, suppressed,
                                              response, holdout, created_at)
                        select ?1, ?2, ?3, ?4, cast(?5 as jsonb), coalesce(cast(?6 as jsonb), r.doc -> 'offers'),
                               r.doc -> 'suppressed', r.doc, ?7, ?8
                        from (select cast(?9 as jsonb) as doc) r
                        on conflict (request_id) do nothing""")
                .setParameter(1, d.id)
                .setParameter(2, d.requestId)
                .setParameter(3, d.accountId)
                .setParameter(4, d.rulesetVersion)
                .setParameter(5, d.request)
                .setParameter(6, d.offers)
                .setParameter(7, d.holdout)
                .setParameter(8, d.createdAt)
                .setParameter(9, d.response)
                .executeUpdate();
        return inserted == 1;
    }

    public Optional<Decision> byRequestId(String requestId) {
        return Decision.find("requestId", requestId).firstResultOptional();
    }

    /** The decision with this id; empty for an unknown id or one that is not a UUID. */
    public Optional<Decision> byId(String id) {
        try {
            return Decision.findByIdOptional(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the decision offered this offer to the account (a holdout decision offered nothing). */
    public boolean offered(UUID decisionId, String offerId) {
        return !em.createNativeQuery("""
                        select 1 from decision
                        where id = ?1 and not holdout and offers @> jsonb_build_array(jsonb_build_object('offerId', cast(?2 as text)))""")
                .setParameter(1, decisionId)
                .setParameter(2, offerId)
                .getResultList().isEmpty();
    }
}
