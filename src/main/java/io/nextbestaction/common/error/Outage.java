package io.nextbestaction.common.error;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * One component's view of a dependency that stopped answering (a batcher's database calls, a scheduled job): one log
 * line when the outage begins and one when it ends, however many calls fail in between, and whether it is down now.
 * Thread-safe; {@link #ends()} costs one volatile read while nothing is wrong, so it may follow every call.
 */
public final class Outage {

    private static final Logger LOG = Logger.getLogger(Outage.class);

    private record Down(Instant since, long sinceNanos, String reason, boolean database) {
    }

    private final String component;
    private final LongAdder refused = new LongAdder();
    private volatile Down down;

    public Outage(String component) {
        this.component = component;
    }

    public boolean isDown() {
        return down != null;
    }

    /** "UP", or since when and why not, for a health check. */
    public String describe() {
        Down now = down;
        return now == null ? "UP" : "DOWN since " + now.since() + ": " + now.reason();
    }

    /** A call failed; the first failure of an outage is logged, with its stack trace unless the database is unavailable. */
    public void begins(Throwable cause) {
        boolean database = isDatabaseUnavailable(cause);
        String reason = database ? databaseMessage(cause) : oneLine(cause);
        if (begin(reason, database)) {
            if (database) {
                LOG.warnf("%s: the database is unavailable or too slow (%s); logged again once it answers", component, reason);
            } else {
                LOG.errorf(cause, "%s fails (%s); logged again once it works", component, reason);
            }
        }
    }

    /** The database did not answer in time, without an exception to show for it (a call that is still waiting). */
    public void begins(String reason) {
        if (begin(reason, true)) {
            LOG.warnf("%s: the database is unavailable or too slow (%s); logged again once it answers", component, reason);
        }
    }

    /** A request was refused because of the outage: counted for the line that ends it. */
    public void refused() {
        if (down != null) {
            refused.increment();
        }
    }

    /** A call succeeded: ends the outage, if there was one. */
    public void ends() {
        if (down == null) {
            return;
        }
        Down ended;
        synchronized (this) {
            ended = down;
            if (ended == null) {
                return;
            }
            down = null;
        }
        long count = refused.sumThenReset();
        String refusals = count == 0 ? "" : String.format(Locale.ROOT, count == 1
                ? "; %,d request was answered 503 meanwhile" : "; %,d requests were answered 503 meanwhile", count);
        LOG.infof("%s: %s again, after %s%s", component, ended.database() ? "the database answers" : "works",
                seconds(System.nanoTime() - ended.sinceNanos()), refusals);
    }

    private synchronized boolean begin(String reason, boolean database) {
        if (down != null) {
            return false;
        }
        refused.reset();
        down = new Down(Instant.now(), System.nanoTime(), reason, database);
        return true;
    }

    /**
     * Whether a failure means the database cannot serve now, rather than that a statement or its data is wrong: no
     * connection (SQLState class 08, or the pool's own timeouts, which have no SQLState), a statement cancelled or
     * timed out, the server shutting down or out of resources (53, 57, 58), a lock not granted in time (55P03), or a
     * transaction to retry (40). A retry later may succeed; the same statement again now would not.
     */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.startsWith("58") || state.startsWith("40") || state.equals("55P03");
            }
        }
        return false;
    }

    private static String databaseMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return oneLine(t);
            }
        }
        return oneLine(failure);
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }
}
