package io.nextbestaction.learning;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.common.error.Outage;
import io.nextbestaction.decide.LearnedCounts;
import io.nextbestaction.decide.LearnedPropensities;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The learned counts: every refresh interval, one instance (an advisory lock; the others skip) counts the offers'
 * presentations and acceptances per segment from the report rollup into {@code learned_propensity}, and every
 * instance loads that table into memory, where decisions read it. So every instance serves the same counts within an
 * interval, and a decision never touches the database for them.
 */
@ApplicationScoped
public class LearnedState implements LearnedPropensities {

    private static final long LOCK = 0x4e42_4c45_4152_4eL;
    private static final String COMPUTE = """
            insert into learned_propensity (offer_id, segment, presentations, acceptances, refreshed_at)
            select offer_id, segment, sum(presented), sum(presented_converted), now()
            from offer_rollup
            where day >= coalesce(?, '-infinity'::date)
            group by offer_id, segment
            having sum(presented) > 0""";

    private final AgroalDataSource dataSource;
    private final LearningConfig config;
    /** Learning serves its last loaded counts while the job cannot run: logged once when that begins, once when it ends. */
    private final Outage outage = new Outage("learned-propensities");
    private volatile Optional<LearnedCounts> current;

    public LearnedState(AgroalDataSource dataSource, LearningConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.current = config.enabled() ? Optional.of(LearnedCounts.NONE) : Optional.empty();
    }

    @Override
    public Optional<LearnedCounts> current() {
        return current;
    }

    @Scheduled(every = "${nba.learning.refresh-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            refresh();
            outage.ends();
        } catch (SQLException e) {
            outage.begins(e);
        }
    }

    /** Computes the counts (unless another instance is computing them) and loads them; returns what it loaded. */
    public LearnedCounts refresh() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (lock(connection, "pg_try_advisory_lock")) {
                try {
                    compute(connection);
                } finally {
                    lock(connection, "pg_advisory_unlock");
                }
            }
            return load(connection);
        }
    }

    /** Loads the counts as the table holds them, computing nothing. */
    LearnedCounts reload() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return load(connection);
        }
    }

    private void compute(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("delete from learned_propensity");
                 PreparedStatement insert = connection.prepareStatement(COMPUTE)) {
                delete.executeUpdate();
                LocalDate from = config.horizonDays().map(days -> LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L)).orElse(null);
                insert.setObject(1, from, Types.DATE);
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private LearnedCounts load(Connection connection) throws SQLException {
        Map<String, Map<String, LearnedCounts.Counts>> counts = new HashMap<>();
        Instant refreshedAt = null;
        try (PreparedStatement query = connection.prepareStatement(
                "select offer_id, segment, presentations, acceptances, refreshed_at from learned_propensity");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                counts.computeIfAbsent(row.getString(1), offer -> new HashMap<>())
                        .put(row.getString(2), new LearnedCounts.Counts(row.getLong(3), row.getLong(4)));
                refreshedAt = row.getObject(5, OffsetDateTime.class).toInstant();
            }
        }
        Map<String, Map<String, LearnedCounts.Counts>> frozen = new HashMap<>();
        counts.forEach((offer, bySegment) -> frozen.put(offer, Map.copyOf(bySegment)));
        LearnedCounts loaded = new LearnedCounts(frozen, refreshedAt);
        if (config.enabled()) {
            current = Optional.of(loaded);
        }
        return loaded;
    }

    private static boolean lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select " + function + "(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
