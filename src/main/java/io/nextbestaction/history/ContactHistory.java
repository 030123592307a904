package io.nextbestaction.history;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbestaction.common.batch.Batcher;
import io.nextbestaction.common.batch.BoundedConnection;
import io.nextbestaction.common.batch.CpuPool;
import io.nextbestaction.common.database.DatabaseConfig;
import io.nextbestaction.common.error.Outage;
import io.nextbestaction.common.error.Problem;
import io.nextbestaction.common.error.ProblemException;
import io.nextbestaction.log.DecisionLog;
import io.nextbestaction.rules.facts.Outcome;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The stored contact history that frequency caps and cooldowns read. */
@ApplicationScoped
public class ContactHistory {

    /** Clocks differ a little between systems; a contact further in the future than this is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final DecisionLog decisionLog;
    private final Duration lookback;
    private final Duration timeout;
    private final Batcher<HistoryQuery, List<PastContact>> reader;

    public ContactHistory(EntityManager em, AgroalDataSource dataSource, DecisionLog decisionLog,
                          HistoryConfig config, DatabaseConfig database, MeterRegistry metrics, CpuPool cpu) {
        this.em = em;
        this.dataSource = dataSource;
        this.timeout = database.deadline();
        this.reader = new Batcher<>(new Batcher.Settings("contact-history-reader", config.maxBatch(), config.linger(),
                config.maxQueued(), timeout), metrics, cpu.executor(), this::read, this::probe);
        this.decisionLog = decisionLog;
        this.lookback = Duration.ofDays(config.lookbackDays());
    }

    /**
     * The account's contacts within the lookback, as of {@code now}; completes on the CPU pool, or with a 503 once the
     * deadline ({@link System#nanoTime()}) passes. Every decision reads history, so concurrent reads are made as one
     * query (see {@link Batcher}), with plain JDBC in autocommit.
     */
    public CompletableFuture<List<PastContact>> recentFor(String accountId, Instant now, long deadline) {
        return reader.submit(new HistoryQuery(accountId, now.minus(lookback)), deadline);
    }

    /** Whether history cannot be read now. */
    public Outage outage() {
        return reader.outage();
    }

    private record HistoryQuery(String accountId, Instant since) {
    }

    private List<List<PastContact>> read(List<HistoryQuery> queries) throws SQLException {
        Instant earliest = queries.stream().map(HistoryQuery::since).min(Instant::compareTo).orElseThrow();
        Map<String, List<PastContact>> byAccount = new HashMap<>();
        try (BoundedConnection connection = BoundedConnection.open(dataSource, timeout);
             PreparedStatement query = connection.prepare(
                     "select account_id, offer_id, outcome, at from contact_event where account_id = any(?) and at >= ?")) {
            query.setArray(1, connection.textArray(queries.stream().map(HistoryQuery::accountId).distinct().toArray()));
            query.setObject(2, earliest.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byAccount.computeIfAbsent(rows.getString(1), a -> new ArrayList<>()).add(new PastContact(
                            rows.getString(2), Outcome.valueOf(rows.getString(3)), rows.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return queries.stream().map(q -> byAccount.getOrDefault(q.accountId(), List.of()).stream()
                .filter(c -> !c.at().isBefore(q.since())).toList()).toList();
    }

    /** Reads nothing, but needs what the query needs: a connection and the table (a lock on it holds it up too). */
    private void probe() throws SQLException {
        try (BoundedConnection connection = BoundedConnection.open(dataSource, timeout);
             PreparedStatement probe = connection.prepare("select 1 from contact_event where false")) {
            probe.execute();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        reader.stop();
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
    public boolean recordOutcome(String decisionId, OutcomeReport report, Instant now) throws SQLException {
        String accountId = decisionLog.accountOf(decisionId)
                .orElseThrow(() -> ProblemException.notFound("No decision " + decisionId + " is logged."));
        if (!decisionLog.offered(decisionId, report.offerId())) {
            throw ProblemException.notFound("Decision " + decisionId + " did not offer " + report.offerId() + ".");
        }
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
                .setParameter(5, UUID.fromString(decisionId))
                .setParameter(6, now)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The account's contacts as they stood at {@code at}: made by then and recorded by then. Static, for a replay by
     * the ./regress command, which has no CDI.
     */
    public static List<PastContact> asOf(Connection connection, String accountId, Instant at) throws SQLException {
        List<PastContact> contacts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select offer_id, outcome, at from contact_event where account_id = ? and at <= ? and recorded_at <= ?")) {
            query.setString(1, accountId);
            query.setObject(2, at.atOffset(ZoneOffset.UTC));
            query.setObject(3, at.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    contacts.add(new PastContact(rows.getString(1), Outcome.valueOf(rows.getString(2)),
                            rows.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return contacts;
    }

    private static void checkNotFuture(Instant at, Instant now, String field) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid(field + " is in the future.",
                    List.of(new Problem.FieldError(field, "must not be in the future")));
        }
    }
}
