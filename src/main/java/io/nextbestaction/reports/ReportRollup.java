package io.nextbestaction.reports;

import io.agroal.api.AgroalDataSource;
import io.nextbestaction.decide.Holdout;
import io.nextbestaction.rules.OfferCatalog;
import io.nextbestaction.rules.ServingRuleSet;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the reports' tables up to date (offer_rollup, holdout_enrolment, holdout_conversion): each run counts the
 * decisions made and the outcomes recorded since the last run, once each, a day at a time. One instance runs it at a
 * time (an advisory lock); the others skip.
 */
@ApplicationScoped
public class ReportRollup {

    private static final Logger LOG = Logger.getLogger(ReportRollup.class);
    private static final long LOCK = 0x4e42_4152_4f4cL;
    private static final Duration STEP = Duration.ofDays(1);

    private static final String BOUNDS = "with bounds as (select cast(? as timestamptz) as since, cast(? as timestamptz) as until)\n";

    private static final String DECISIONS = BOUNDS + """
            insert into offer_rollup as r (day, offer_id, rule, segment, channel, ruleset_version, decisions)
            select (d.created_at at time zone 'UTC')::date, o ->> 'offerId', coalesce(o -> 'reasons' ->> 0, ''),
                   coalesce(d.segment, d.request -> 'account' ->> 'segment', ''), coalesce(o ->> 'channel', ''), d.ruleset_version, count(*)
            from bounds, decision d cross join lateral jsonb_array_elements(d.offers) o
            where d.created_at >= bounds.since and d.created_at < bounds.until and not d.holdout
            group by 1, 2, 3, 4, 5, 6
            on conflict (day, offer_id, rule, segment, channel, ruleset_version)
            do update set decisions = r.decisions + excluded.decisions""";

    /**
     * A (decision, offer) pair counts for an outcome when that outcome is first recorded, and for "presented and
     * converted" (or dismissed) when the later of the two is: whatever order the outcomes come in, each pair counts
     * once for each.
     */
    private static final String OUTCOMES = BOUNDS + """
            , touched as (
                select distinct c.decision_id, c.offer_id from bounds, contact_event c
                where c.recorded_at >= bounds.since and c.recorded_at < bounds.until and c.decision_id is not null
            ), pairs as (
                select t.decision_id, t.offer_id,
                       min(c.recorded_at) filter (where c.outcome = 'PRESENTED') as presented,
                       min(c.recorded_at) filter (where c.outcome = 'CLICKED') as clicked,
                       min(c.recorded_at) filter (where c.outcome = 'ACCEPTED') as accepted,
                       min(c.recorded_at) filter (where c.outcome = 'PURCHASED') as purchased,
                       min(c.recorded_at) filter (where c.outcome = 'DISMISSED') as dismissed,
                       min(c.recorded_at) filter (where c.outcome in ('ACCEPTED', 'PURCHASED')) as converted
                from touched t join contact_event c on c.decision_id = t.decision_id and c.offer_id = t.offer_id
                group by t.decision_id, t.offer_id
            ), reached as (
                select p.*,
                       case when p.presented is not null and p.converted is not null then greatest(p.presented, p.converted) end
                           as presented_converted,
                       case when p.presented is not null and p.dismissed is not null then greatest(p.presented, p.dismissed) end
                           as presented_dismissed
                from pairs p
            )
            insert into offer_rollup as r (day, offer_id, rule, segment, channel, ruleset_version, presented, clicked,
                                           accepted, purchased, dismissed, presented_converted, presented_dismissed)
            select (d.created_at at time zone 'UTC')::date, x.offer_id, coalesce(o.offer -> 'reasons' ->> 0, ''),
                   coalesce(d.segment, d.request -> 'account' ->> 'segment', ''), coalesce(o.offer ->> 'channel', ''), d.ruleset_version,
                   count(*) filter (where x.presented >= b.since and x.presented < b.until),
                   count(*) filter (where x.clicked >= b.since and x.clicked < b.until),
                   count(*) filter (where x.accepted >= b.since and x.accepted < b.until),
                   count(*) filter (where x.purchased >= b.since and x.purchased < b.until),
                   count(*) filter (where x.dismissed >= b.since and x.dismissed < b.until),
                   count(*) filter (where x.presented_converted >= b.since and x.presented_converted < b.until),
                   count(*) filter (where x.presented_dismissed >= b.since and x.presented_dismissed < b.until)
            from bounds b, reached x join decision d on d.id = x.decision_id
                 cross join lateral (select e as offer from jsonb_array_elements(d.offers) e
                                     where e ->> 'offerId' = x.offer_id limit 1) o
            group by 1, 2, 3, 4, 5, 6
            on conflict (day, offer_id, rule, segment, channel, ruleset_version)
            do update set presented = r.presented + excluded.presented, clicked = r.clicked + excluded.clicked,
                          accepted = r.accepted + excluded.accepted, purchased = r.purchased + excluded.purchased,
                          dismissed = r.dismissed + excluded.dismissed,
                          presented_converted = r.presented_converted + excluded.presented_converted,
                          presented_dismissed = r.presented_dismissed + excluded.presented_dismissed""";

    /** An account's first decision under each experiment key; decisions logged before the key had a column name it in the request. */
    private static final String ENROLMENTS = BOUNDS + """
            insert into holdout_enrolment (experiment_key, account_id, holdout, enrolled_at)
            select distinct on (k.key, d.account_id) k.key, d.account_id, d.holdout, d.created_at
            from bounds b, decision d
                 cross join lateral (select coalesce(d.experiment_key, d.request ->> 'experimentKey', cast(? as text)) as key) k
            where d.created_at >= b.since and d.created_at < b.until
            order by k.key, d.account_id, d.created_at
            on conflict (experiment_key, account_id) do nothing""";

    /**
     * Conversions (ACCEPTED or PURCHASED, outcomes and imported contacts alike) at or after an enrolment: the first of
     * any type ('') and of each offer type, the type as the decision offered it, else as the serving catalog lists it.
     */
    private static final String CONVERSIONS = BOUNDS + """
            , converted as (
                select c.account_id, c.at, coalesce(o.type, t.type) as offer_type
                from bounds b, contact_event c
                     left join decision d on d.id = c.decision_id
                     left join lateral (select e ->> 'type' as type from jsonb_array_elements(d.offers) e
                                        where e ->> 'offerId' = c.offer_id limit 1) o on true
                     left join unnest(cast(? as text[]), cast(? as text[])) as t(offer_id, type) on t.offer_id = c.offer_id
                where c.recorded_at >= b.since and c.recorded_at < b.until and c.outcome in ('ACCEPTED', 'PURCHASED')
            )
            insert into holdout_conversion as h (experiment_key, account_id, offer_type, first_at)
            select e.experiment_key, e.account_id, types.offer_type, min(cv.at)
            from converted cv join holdout_enrolment e on e.account_id = cv.account_id and cv.at >= e.enrolled_at
                 cross join lateral (values (''), (cv.offer_type)) as types(offer_type)
            where types.offer_type is not null
            group by 1, 2, 3
            on conflict (experiment_key, account_id, offer_type) do update set first_at = least(h.first_at, excluded.first_at)""";

    private final AgroalDataSource dataSource;
    private final ReportsConfig config;
    private final ServingRuleSet serving;
    private volatile boolean failing;

    public ReportRollup(AgroalDataSource dataSource, ReportsConfig config, ServingRuleSet serving) {
        this.dataSource = dataSource;
        this.config = config;
        this.serving = serving;
    }

    @Scheduled(every = "${nba.reports.refresh-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
            if (failing) {
                LOG.info("offer rollup: counting again");
                failing = false;
            }
        } catch (SQLException e) {
            if (!failing) {
                LOG.warnf("offer rollup: cannot count (%s); the reports stay as they are until it can", e.getMessage());
                failing = true;
            }
        }
    }

    /** Counts what has settled since the last run, a day per transaction; returns how far the rollup has counted. */
    public Optional<Instant> refresh() throws SQLException {
        Instant target = Instant.now().minus(config.settleTime());
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "pg_try_advisory_lock")) {
                return upTo(connection);
            }
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(false);
                Instant from = start(connection, target);
                connection.commit();
                String[][] catalog = offerTypes();
                while (from.isBefore(target)) {
                    Instant to = from.plus(STEP).isBefore(target) ? from.plus(STEP) : target;
                    count(connection, DECISIONS, from, to);
                    count(connection, OUTCOMES, from, to);
                    count(connection, ENROLMENTS, from, to, Holdout.DEFAULT_EXPERIMENT);
                    count(connection, CONVERSIONS, from, to, catalog[0], catalog[1]);
                    try (PreparedStatement progress = connection.prepareStatement("update offer_rollup_progress set up_to = ?")) {
                        progress.setObject(1, to.atOffset(ZoneOffset.UTC));
                        progress.executeUpdate();
                    }
                    connection.commit();
                    from = to;
                }
                return Optional.of(from);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                lock(connection, "pg_advisory_unlock");
            }
        }
    }

    /** How far the rollup has counted; empty before its first run. */
    public Optional<Instant> upTo() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return upTo(connection);
        }
    }

    private static Optional<Instant> upTo(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("select up_to from offer_rollup_progress")) {
            return row.next() ? Optional.of(row.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
        }
    }

    /** Where this run starts: where the last one stopped, or, on the first run, at the oldest logged decision. */
    private static Instant start(Connection connection, Instant target) throws SQLException {
        try (PreparedStatement first = connection.prepareStatement("""
                insert into offer_rollup_progress (id, up_to)
                select 1, coalesce((select min(created_at) from decision), cast(? as timestamptz))
                on conflict (id) do nothing""")) {
            first.setObject(1, target.atOffset(ZoneOffset.UTC));
            first.executeUpdate();
        }
        return upTo(connection).orElseThrow();
    }

    /** Offer ids and their types in the serving catalog, for contacts that belong to no decision. */
    private String[][] offerTypes() {
        List<OfferCatalog.Offer> offers = serving.current().map(r -> List.copyOf(r.catalog().offers().values())).orElse(List.of());
        return new String[][] {offers.stream().map(OfferCatalog.Offer::id).toArray(String[]::new),
                offers.stream().map(o -> o.type().name()).toArray(String[]::new)};
    }

    private static void count(Connection connection, String sql, Instant from, Instant to, Object... more) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, from.atOffset(ZoneOffset.UTC));
            statement.setObject(2, to.atOffset(ZoneOffset.UTC));
            for (int i = 0; i < more.length; i++) {
                if (more[i] instanceof String[] array) {
                    statement.setArray(3 + i, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(3 + i, more[i]);
                }
            }
            statement.executeUpdate();
        }
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
