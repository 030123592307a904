-- What GET /experiments/{id} compares, kept by the reports' rollup job (ReportRollup) in the same runs and under the
-- same watermark (offer_rollup_progress) as the reports, so that a comparison over millions of decisions reads a few
-- rows per arm instead of the decision log.

-- Per experiment, arm and deciding version: the decisions, those that showed an offer, the (decision, offer) pairs
-- reported PRESENTED, and of those the ones also ACCEPTED or PURCHASED.
create table experiment_rollup (
    experiment_id       bigint not null,
    arm                 text not null,
    ruleset_version     text not null,
    decisions           bigint not null default 0,
    offered             bigint not null default 0,
    presented           bigint not null default 0,
    presented_converted bigint not null default 0,
    primary key (experiment_id, arm, ruleset_version)
);

-- Each account's first decision in each arm of an experiment, and its first conversion (an ACCEPTED or PURCHASED
-- contact, from an outcome or imported) at or after it.
create table experiment_enrolment (
    experiment_id   bigint not null,
    arm             text not null,
    account_id      text not null,
    enrolled_at     timestamptz not null,
    converted_at    timestamptz,
    primary key (experiment_id, arm, account_id)
);
create index experiment_enrolment_account_idx on experiment_enrolment (account_id);

-- What the comparison sums: the accounts enrolled in each arm, and those whose first conversion came within
-- delay_hours of their first decision (the delay rounded up to whole hours), a row per delay.
create table experiment_accounts (
    experiment_id   bigint not null,
    arm             text not null,
    accounts        bigint not null,
    primary key (experiment_id, arm)
);
create table experiment_conversion (
    experiment_id   bigint not null,
    arm             text not null,
    delay_hours     integer not null,
    accounts        bigint not null,
    primary key (experiment_id, arm, delay_hours)
);

-- What the rollup has counted already (before up_to), counted here once, so that the experiments go on from the
-- reports' watermark. Without a watermark yet the first run counts everything.
insert into experiment_rollup (experiment_id, arm, ruleset_version, decisions, offered)
select d.experiment_id, d.arm, d.ruleset_version, count(*), count(*) filter (where jsonb_array_length(d.offers) > 0)
from offer_rollup_progress p, decision d
where d.experiment_id is not null and d.created_at < p.up_to
group by 1, 2, 3;
with pairs as (
    select d.experiment_id, d.arm, d.ruleset_version,
           min(c.recorded_at) filter (where c.outcome = 'PRESENTED') as presented,
           min(c.recorded_at) filter (where c.outcome in ('ACCEPTED', 'PURCHASED')) as converted
    from decision d join contact_event c on c.decision_id = d.id
    where d.experiment_id is not null
    group by d.experiment_id, d.arm, d.ruleset_version, c.decision_id, c.offer_id
)
insert into experiment_rollup as r (experiment_id, arm, ruleset_version, presented, presented_converted)
select x.experiment_id, x.arm, x.ruleset_version, count(*) filter (where x.presented < p.up_to),
       count(*) filter (where x.presented < p.up_to and x.converted < p.up_to)
from offer_rollup_progress p, pairs x
group by 1, 2, 3
on conflict (experiment_id, arm, ruleset_version)
do update set presented = excluded.presented, presented_converted = excluded.presented_converted;
insert into experiment_enrolment (experiment_id, arm, account_id, enrolled_at, converted_at)
select f.experiment_id, f.arm, f.account_id, f.first_at,
       (select min(c.at) from contact_event c
        where c.account_id = f.account_id and c.outcome in ('ACCEPTED', 'PURCHASED') and c.at >= f.first_at
          and c.recorded_at < f.up_to)
from (select d.experiment_id, d.arm, d.account_id, min(d.created_at) as first_at, p.up_to
      from offer_rollup_progress p, decision d
      where d.experiment_id is not null and d.created_at < p.up_to
      group by 1, 2, 3, 5) f;
insert into experiment_accounts (experiment_id, arm, accounts)
select experiment_id, arm, count(*) from experiment_enrolment group by 1, 2;
insert into experiment_conversion (experiment_id, arm, delay_hours, accounts)
select experiment_id, arm, ceil(extract(epoch from converted_at - enrolled_at) / 3600)::integer, count(*)
from experiment_enrolment where converted_at is not null
group by 1, 2, 3;
