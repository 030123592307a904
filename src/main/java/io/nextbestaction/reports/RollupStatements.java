package io.nextbestaction.reports;

/**
 * The statements of a rollup run, each over the decisions made or the contacts recorded in one window
 * ({@code since} to {@code until}, the first two parameters): each adds what the window holds to the counts.
 */
final class RollupStatements {

    private RollupStatements() {
    }

    private static final String BOUNDS = "with bounds as (select cast(? as timestamptz) as since, cast(? as timestamptz) as until)\n";

    /**
     * Each (decision, offer) pair with an outcome recorded in the window, and when each outcome of it was first
     * recorded: a pair counts for an outcome when that outcome is first recorded, and for "presented and converted"
     * (or dismissed) when the later of the two is, so that whatever order the outcomes come in, each pair counts once
     * for each.
     */
    private static final String REACHED_PAIRS = """
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
            """;

    static final String DECISIONS = BOUNDS + """
            insert into offer_rollup as r (day, offer_id, rule, segment, channel, ruleset_version, decisions)
            select (d.created_at at time zone 'UTC')::date, o ->> 'offerId', coalesce(o -> 'reasons' ->> 0, ''),
                   coalesce(d.segment, d.request -> 'account' ->> 'segment', ''), coalesce(o ->> 'channel', ''), d.ruleset_version, count(*)
            from bounds, decision d cross join lateral jsonb_array_elements(d.offers) o
            where d.created_at >= bounds.since and d.created_at < bounds.until and not d.holdout
            group by 1, 2, 3, 4, 5, 6
            on conflict (day, offer_id, rule, segment, channel, ruleset_version)
            do update set decisions = r.decisions + excluded.decisions""";

    /** The outcomes of the pairs reached in the window, on the decision's day, offer, rule, segment and channel. */
    static final String OUTCOMES = BOUNDS + REACHED_PAIRS + """
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

    /**
     * An account's first decision under each experiment key, counted on its day and side; decisions logged before the
     * key had a column name it in the request.
     */
    static final String ENROLMENTS = BOUNDS + """
            , enrolled as (
                insert into holdout_enrolment (experiment_key, account_id, holdout, enrolled_at)
                select distinct on (k.key, d.account_id) k.key, d.account_id, d.holdout, d.created_at
                from bounds b, decision d
                     cross join lateral (select coalesce(d.experiment_key, d.request ->> 'experimentKey', cast(? as text)) as key) k
                where d.created_at >= b.since and d.created_at < b.until
                order by k.key, d.account_id, d.created_at
                on conflict (experiment_key, account_id) do nothing
                returning experiment_key, holdout, enrolled_at
            )
            insert into holdout_daily as h (experiment_key, day, holdout, accounts)
            select experiment_key, (enrolled_at at time zone 'UTC')::date, holdout, count(*) from enrolled group by 1, 2, 3
            on conflict (experiment_key, day, holdout) do update set accounts = h.accounts + excluded.accounts""";

    /**
     * Conversions (ACCEPTED or PURCHASED, outcomes and imported contacts alike) at or after an enrolment: the first of
     * any type ('') and of each offer type, the type as the decision offered it, else as the serving catalog lists it.
     * An earlier conversion recorded late moves its account to the shorter delay.
     */
    static final String CONVERSIONS = BOUNDS + """
            , converted as (
                select c.account_id, c.at, coalesce(o.type, t.type) as offer_type
                from bounds b, contact_event c
                     left join decision d on d.id = c.decision_id
                     left join lateral (select e ->> 'type' as type from jsonb_array_elements(d.offers) e
                                        where e ->> 'offerId' = c.offer_id limit 1) o on true
                     left join unnest(cast(? as text[]), cast(? as text[])) as t(offer_id, type) on t.offer_id = c.offer_id
                where c.recorded_at >= b.since and c.recorded_at < b.until and c.outcome in ('ACCEPTED', 'PURCHASED')
            ), firsts as (
                select e.experiment_key, e.account_id, e.holdout, e.enrolled_at, types.offer_type, min(cv.at) as at
                from converted cv join holdout_enrolment e on e.account_id = cv.account_id and cv.at >= e.enrolled_at
                     cross join lateral (values (''), (cv.offer_type)) as types(offer_type)
                where types.offer_type is not null
                group by 1, 2, 3, 4, 5
            ), changed as (
                select f.*, h.first_at as was
                from firsts f left join holdout_conversion h
                     on h.experiment_key = f.experiment_key and h.account_id = f.account_id and h.offer_type = f.offer_type
                where h.first_at is null or f.at < h.first_at
            ), kept as (
                insert into holdout_conversion as h (experiment_key, account_id, offer_type, first_at)
                select experiment_key, account_id, offer_type, at from changed
                on conflict (experiment_key, account_id, offer_type) do update set first_at = excluded.first_at
            ), moves as (
                select experiment_key, enrolled_at, holdout, offer_type, at, 1 as delta from changed
                union all
                select experiment_key, enrolled_at, holdout, offer_type, was, -1 from changed where was is not null
            )
            insert into holdout_daily_conversion as h (experiment_key, day, holdout, offer_type, delay_hours, accounts)
            select experiment_key, (enrolled_at at time zone 'UTC')::date, holdout, offer_type,
                   ceil(extract(epoch from at - enrolled_at) / 3600)::integer, sum(delta)
            from moves group by 1, 2, 3, 4, 5
            on conflict (experiment_key, day, holdout, offer_type, delay_hours) do update set accounts = h.accounts + excluded.accounts""";

    /**
     * The decisions made in the window, per experiment, arm and deciding version (held-out decisions and those of no
     * experiment have none).
     */
    static final String EXPERIMENT_DECISIONS = BOUNDS + """
            insert into experiment_rollup as r (experiment_id, arm, ruleset_version, decisions, offered)
            select d.experiment_id, d.arm, d.ruleset_version, count(*), count(*) filter (where jsonb_array_length(d.offers) > 0)
            from bounds b, decision d
            where d.created_at >= b.since and d.created_at < b.until and d.experiment_id is not null
            group by 1, 2, 3
            on conflict (experiment_id, arm, ruleset_version)
            do update set decisions = r.decisions + excluded.decisions, offered = r.offered + excluded.offered""";

    /**
     * The (decision, offer) pairs of an experiment's decisions presented, and presented and converted, counted as
     * {@link #OUTCOMES} counts them: once each, when the (later) outcome is first recorded. The offer need not be one the
     * decision showed.
     */
    static final String EXPERIMENT_OUTCOMES = BOUNDS + REACHED_PAIRS + """
            insert into experiment_rollup as r (experiment_id, arm, ruleset_version, presented, presented_converted)
            select d.experiment_id, d.arm, d.ruleset_version,
                   count(*) filter (where x.presented >= b.since and x.presented < b.until),
                   count(*) filter (where x.presented_converted >= b.since and x.presented_converted < b.until)
            from bounds b, reached x join decision d on d.id = x.decision_id
            where d.experiment_id is not null
            group by 1, 2, 3
            on conflict (experiment_id, arm, ruleset_version)
            do update set presented = r.presented + excluded.presented,
                          presented_converted = r.presented_converted + excluded.presented_converted""";

    /** An account's first decision in each arm of an experiment, counted on its arm. */
    static final String EXPERIMENT_ENROLMENTS = BOUNDS + """
            , enrolled as (
                insert into experiment_enrolment (experiment_id, arm, account_id, enrolled_at)
                select distinct on (d.experiment_id, d.arm, d.account_id) d.experiment_id, d.arm, d.account_id, d.created_at
                from bounds b, decision d
                where d.created_at >= b.since and d.created_at < b.until and d.experiment_id is not null
                order by d.experiment_id, d.arm, d.account_id, d.created_at
                on conflict (experiment_id, arm, account_id) do nothing
                returning experiment_id, arm
            )
            insert into experiment_accounts as a (experiment_id, arm, accounts)
            select experiment_id, arm, count(*) from enrolled group by 1, 2
            on conflict (experiment_id, arm) do update set accounts = a.accounts + excluded.accounts""";

    /**
     * The first conversion (ACCEPTED or PURCHASED, outcomes and imported contacts alike) at or after an enrolment, by
     * its delay; an earlier conversion recorded late moves its account to the shorter delay.
     */
    static final String EXPERIMENT_CONVERSIONS = BOUNDS + """
            , firsts as (
                select e.experiment_id, e.arm, e.account_id, e.enrolled_at, e.converted_at as was, min(c.at) as at
                from bounds b, contact_event c join experiment_enrolment e on e.account_id = c.account_id and c.at >= e.enrolled_at
                where c.recorded_at >= b.since and c.recorded_at < b.until and c.outcome in ('ACCEPTED', 'PURCHASED')
                group by 1, 2, 3, 4, 5
            ), changed as (
                select * from firsts where was is null or at < was
            ), kept as (
                update experiment_enrolment e set converted_at = c.at from changed c
                where e.experiment_id = c.experiment_id and e.arm = c.arm and e.account_id = c.account_id
            ), moves as (
                select experiment_id, arm, enrolled_at, at, 1 as delta from changed
                union all
                select experiment_id, arm, enrolled_at, was, -1 from changed where was is not null
            )
            insert into experiment_conversion as h (experiment_id, arm, delay_hours, accounts)
            select experiment_id, arm, ceil(extract(epoch from at - enrolled_at) / 3600)::integer, sum(delta)
            from moves group by 1, 2, 3
            on conflict (experiment_id, arm, delay_hours) do update set accounts = h.accounts + excluded.accounts""";
}
