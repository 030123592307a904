package io.nextbestaction.rulesets;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which version each instance serves: every instance writes its row (id, serving version, start, last seen) on the
 * sync schedule, so that an analyst sees an activation reach every instance, or one that lags. The database's clock
 * stamps every row, so instances whose clocks differ are compared fairly. A row not written for
 * {@link #staleAfter()} is an instance gone: it is not listed, and a day later it is deleted.
 */
@ApplicationScoped
public class InstanceHeartbeat {

    private static final Logger LOG = Logger.getLogger(InstanceHeartbeat.class);
    private static final Duration KEPT = Duration.ofDays(1);

    @Schema(name = "Instance", description = "An instance of the service as last seen: which version it serves")
    public record Seen(@Schema(description = "nba.rulesets.instance-name, else the host name and the start time",
                               examples = "nba-7d9f8c-x2k4q@2026-12-03T12:00:01.503Z") String instanceId,
                       @Schema(description = "The version it serves; null before the first activation", examples = "3") Integer servingVersion,
                       @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T12:00:01.503Z") Instant startedAt,
                       @Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T13:41:07.118Z") Instant lastSeen) {
    }

    @Schema(name = "Instances", description = "The instances seen within staleAfterSeconds of asOf (the database's clock), newest start first")
    public record Listing(@Schema(implementation = String.class, format = "date-time", examples = "2026-12-03T13:41:07.650Z") Instant asOf,
                          @Schema(description = "An instance not seen for this long is taken for gone and not listed", examples = "10")
                          long staleAfterSeconds,
                          List<Seen> instances) {
    }

    private final AgroalDataSource dataSource;
    private final RuleSetRegistry registry;
    private final Duration staleAfter;
    private final Instant startedAt = Instant.now();
    private final String instanceId;

    public InstanceHeartbeat(AgroalDataSource dataSource, RuleSetRegistry registry, RuleSetsConfig config) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.staleAfter = staleAfter(config.syncInterval());
        this.instanceId = config.instanceName().filter(n -> !n.isBlank()).map(String::strip)
                .orElseGet(() -> hostName() + "@" + startedAt);
    }

    /** Ten sync intervals without a heartbeat, and at least ten seconds: a busy instance is not taken for gone. */
    static Duration staleAfter(Duration syncInterval) {
        Duration tenBeats = syncInterval.multipliedBy(10);
        return tenBeats.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : tenBeats;
    }

    public String instanceId() {
        return instanceId;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** Records that this instance is alive and which version it serves now. */
    public void beat() {
        run("""
                insert into instance_heartbeat (instance_id, serving_version, started_at, last_seen) values (?, ?, ?, now())
                on conflict (instance_id) do update
                set serving_version = excluded.serving_version, started_at = excluded.started_at, last_seen = now()""",
                instanceId, registry.servingVersion(), Timestamp.from(startedAt));
    }

    /** The rows of instances gone for a day, at start: the table holds about as many rows as there are instances. */
    void forgetLongGone() {
        run("delete from instance_heartbeat where last_seen < now() - make_interval(secs => ?)", (double) KEPT.toSeconds());
    }

    /** A stopped instance leaves the listing at once instead of when its row goes stale. */
    void onStop(@Observes ShutdownEvent event) {
        try {
            run("delete from instance_heartbeat where instance_id = ?", instanceId);
        } catch (RuntimeException e) {
            LOG.debugf("The heartbeat row of %s stays until it is stale: %s", instanceId, e.getMessage());
        }
    }

    /** The instances seen recently, newest start first. */
    public Listing recent() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select instance_id, serving_version, started_at, last_seen, now() from instance_heartbeat
                     where last_seen >= now() - make_interval(secs => ?) order by started_at desc, instance_id""")) {
            query.setDouble(1, staleAfter.toMillis() / 1000.0);
            List<Seen> seen = new ArrayList<>();
            Instant asOf = null;
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    seen.add(new Seen(row.getString(1), (Integer) row.getObject(2), instant(row, 3), instant(row, 4)));
                    asOf = instant(row, 5);
                }
            }
            return new Listing(asOf == null ? now(connection) : asOf, staleAfter.toSeconds(), seen);
        }
    }

    private void run(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The instance heartbeat could not be written: " + e.getMessage(), e);
        }
    }

    private static Instant now(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select now()"); ResultSet row = query.executeQuery()) {
            row.next();
            return instant(row, 1);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
