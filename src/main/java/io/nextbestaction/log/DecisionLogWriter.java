package io.nextbestaction.log;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbestaction.common.batch.Batcher;
import io.nextbestaction.common.batch.BoundedConnection;
import io.nextbestaction.common.batch.CpuPool;
import io.nextbestaction.common.database.DatabaseConfig;
import io.nextbestaction.common.error.Outage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit for the decision log. Concurrent decisions queue their entries; one writer thread inserts all that
 * are waiting with one statement, which commits them together, and only then releases their callers. So an answered
 * decision is committed, and the database does one commit per batch instead of one per decision.
 */
@ApplicationScoped
public class DecisionLogWriter {

    /** One statement, one commit (autocommit); a requestId already logged, or twice in a batch, is skipped. */
    private static final String INSERT = """
            insert into decision (id, request_id, account_id, segment, experiment_key, ruleset_version, experiment_id, arm,
                                  request, offers, suppressed, response, holdout, created_at)
            select cast(e.id as uuid), e.request_id, e.account_id, e.segment, e.experiment_key, e.ruleset_version,
                   cast(e.experiment_id as bigint), e.arm, cast(e.request as json),
                   cast(coalesce(e.offers, r.doc ->> 'offers') as jsonb), cast(r.doc -> 'suppressed' as jsonb), r.doc,
                   cast(e.holdout as boolean), cast(e.created_at as timestamptz)
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]))
                     with ordinality as e(id, request_id, account_id, segment, experiment_key, ruleset_version, experiment_id,
                                          arm, request, offers, response, holdout, created_at, n)
                 cross join lateral (select cast(e.response as json) as doc) r
            order by e.n
            on conflict (request_id) do nothing
            returning id""";

    /**
     * The log's entry for a request's requestId once the batch is committed: the request's own, written now, or the
     * request and response logged for that requestId before (a retry, perhaps concurrent), in which case nothing is written.
     */
    public record Logged(boolean written, String request, String response) {
    }

    private final AgroalDataSource dataSource;
    private final Duration timeout;
    private final Batcher<DecisionLogEntry, Logged> batcher;

    public DecisionLogWriter(AgroalDataSource dataSource, DecisionLogConfig config, DatabaseConfig database,
                             MeterRegistry metrics, CpuPool cpu) {
        this.dataSource = dataSource;
        this.timeout = database.deadline();
        this.batcher = new Batcher<>(new Batcher.Settings("decision-log-writer", config.maxBatch(), config.linger(),
                config.maxQueued(), timeout), metrics, cpu.executor(), this::insert, this::probe);
    }

    /**
     * Logs the entry; completes once it is committed (on the CPU pool: callers continue there), or with a 503 once
     * the deadline ({@link System#nanoTime()}) passes. A statement still running then is cancelled by the server at
     * the timeout, so that a 503 nearly always means "not logged"; when the commit wins that race, a retry with the
     * same requestId gets the logged decision.
     */
    public CompletableFuture<Logged> append(DecisionLogEntry entry, long deadline) {
        return batcher.submit(entry, deadline);
    }

    /** Whether decisions cannot be logged now. */
    public Outage outage() {
        return batcher.outage();
    }

    private List<Logged> insert(List<DecisionLogEntry> batch) throws SQLException {
        int size = batch.size();
        String[][] columns = new String[13][size];
        for (int i = 0; i < size; i++) {
            DecisionLogEntry e = batch.get(i);
            columns[0][i] = e.id().toString();
            columns[1][i] = e.requestId();
            columns[2][i] = e.accountId();
            columns[3][i] = e.segment();
            columns[4][i] = e.experimentKey();
            columns[5][i] = e.rulesetVersion();
            columns[6][i] = e.experimentId() == null ? null : e.experimentId().toString();
            columns[7][i] = e.arm();
            columns[8][i] = e.request();
            columns[9][i] = e.rankedOffers();
            columns[10][i] = e.response();
            columns[11][i] = String.valueOf(e.holdout());
            columns[12][i] = e.decidedAt().toString();
        }
        Set<UUID> inserted = new HashSet<>();
        Map<String, Logged> logged = new HashMap<>();
        try (BoundedConnection connection = BoundedConnection.open(dataSource, timeout);
             PreparedStatement insert = connection.prepare(INSERT)) {
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 1, connection.textArray(columns[c]));
            }
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    inserted.add(ids.getObject(1, UUID.class));
                }
            }
            Object[] retried = batch.stream().filter(e -> !inserted.contains(e.id()))
                    .map(DecisionLogEntry::requestId).distinct().toArray();
            if (retried.length > 0) {
                try (PreparedStatement select = connection.prepare(
                        "select request_id, request::text, response::text from decision where request_id = any(?)")) {
                    select.setArray(1, connection.textArray(retried));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            logged.put(rows.getString(1), new Logged(false, rows.getString(2), rows.getString(3)));
                        }
                    }
                }
            }
        }
        return batch.stream().map(e -> inserted.contains(e.id()) ? new Logged(true, e.request(), e.response())
                : logged.get(e.requestId())).toList();
    }

    /** Writes nothing, but takes the lock an insert takes: a table locked against writes holds it up too. */
    private void probe() throws SQLException {
        try (BoundedConnection connection = BoundedConnection.open(dataSource, timeout);
             PreparedStatement probe = connection.prepare("insert into decision select * from decision where false")) {
            probe.execute();
        }
    }

    /** Writes what is queued, then stops: decisions in flight at shutdown are still logged before they answer. */
    @PreDestroy
    void stop() throws InterruptedException {
        batcher.stop();
    }
}
