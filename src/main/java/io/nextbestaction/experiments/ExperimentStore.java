package io.nextbestaction.experiments;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The experiments in PostgreSQL: the registry every instance follows, and the audit of who started and ended what. */
@ApplicationScoped
class ExperimentStore {

    /** The partial unique index that lets one experiment run at a time, across instances. */
    private static final String ONE_RUNNING = "experiment_one_running_idx";
    private static final String COLUMNS = """
            id, key, challenger_version, champion_version, share_percent, status, started_by, started_at, reason,
            ended_by, ended_at, end_reason""";

    private final AgroalDataSource dataSource;

    ExperimentStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a running experiment; empty when another one runs. */
    Optional<Experiment> start(String key, int challengerVersion, Integer championVersion, int sharePercent, String by,
                               String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into experiment (key, challenger_version,"
                     + " champion_version, share_percent, status, started_by, started_at, reason)"
                     + " values (?, ?, ?, ?, 'RUNNING', ?, ?, ?) returning " + COLUMNS)) {
            insert.setString(1, key);
            insert.setInt(2, challengerVersion);
            insert.setObject(3, championVersion, Types.INTEGER);
            insert.setInt(4, sharePercent);
            insert.setString(5, by);
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.setString(7, reason);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return Optional.of(read(row));
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && e.getMessage().contains(ONE_RUNNING)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Ends the experiment if it runs; empty when it does not (any more). */
    Optional<Experiment> end(long id, Experiment.Status status, String by, String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update experiment set status = ?, ended_by = ?,"
                     + " ended_at = ?, end_reason = ? where id = ? and status = 'RUNNING' returning " + COLUMNS)) {
            update.setString(1, status.name());
            update.setString(2, by);
            update.setTimestamp(3, Timestamp.from(Instant.now()));
            update.setString(4, reason);
            update.setLong(5, id);
            return first(update);
        }
    }

    Optional<Experiment> running() throws SQLException {
        return one("where status = 'RUNNING'", null);
    }

    Optional<Experiment> find(long id) throws SQLException {
        return one("where id = ?", id);
    }

    /** Newest first. */
    List<Experiment> all() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select " + COLUMNS + " from experiment order by id desc");
             ResultSet rows = query.executeQuery()) {
            List<Experiment> all = new ArrayList<>();
            while (rows.next()) {
                all.add(read(rows));
            }
            return all;
        }
    }

    private Optional<Experiment> one(String where, Long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select " + COLUMNS + " from experiment " + where)) {
            if (id != null) {
                query.setLong(1, id);
            }
            return first(query);
        }
    }

    private static Optional<Experiment> first(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(read(row)) : Optional.empty();
        }
    }

    private static Experiment read(ResultSet row) throws SQLException {
        return new Experiment(row.getLong("id"), row.getString("key"), row.getInt("challenger_version"),
                row.getObject("champion_version", Integer.class), row.getInt("share_percent"),
                Experiment.Status.valueOf(row.getString("status")), row.getString("started_by"), instant(row, "started_at"),
                row.getString("reason"), row.getString("ended_by"), instant(row, "ended_at"), row.getString("end_reason"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
