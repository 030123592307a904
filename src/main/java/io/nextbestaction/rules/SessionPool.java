package io.nextbestaction.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Reusable sessions over one rule base. Creating a session per decision costs more than evaluating the playbook,
 * so each decision borrows a session, and leaves it empty (no facts, no pending activations) when it returns it.
 */
final class SessionPool {

    private static final int MAX_IDLE = 64;

    private final KieBase kieBase;
    private final ConcurrentLinkedDeque<KieSession> idle = new ConcurrentLinkedDeque<>();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    KieSession borrow() {
        KieSession session = idle.pollFirst();
        return session != null ? session : kieBase.newKieSession();
    }

    /** Empties the session and keeps it for the next decision; a session in an unknown state is thrown away. */
    void giveBack(KieSession session, boolean clean) {
        if (clean) {
            for (FactHandle handle : new ArrayList<FactHandle>(session.getFactHandles())) {
                session.delete(handle);
            }
        }
        if (clean && idle.size() < MAX_IDLE) {
            idle.offerFirst(session);
        } else {
            session.dispose();
        }
    }
}
