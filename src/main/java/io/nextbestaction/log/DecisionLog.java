package io.nextbestaction.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/** The durable log of decisions, as read back; {@link DecisionLogWriter} appends to it. */
@ApplicationScoped
public class DecisionLog {

    private final EntityManager em;

    public DecisionLog(EntityManager em) {
        this.em = em;
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
