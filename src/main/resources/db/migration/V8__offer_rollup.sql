-- Offer performance by day, kept by a scheduled job (ReportRollup) from the decision log and the outcomes, so that a
-- report over millions of decisions sums a few thousand rows. A decision counts on the day it was made (UTC), and so
-- do the outcomes reported for it, whenever they come in.
create table offer_rollup (
    day                 date not null,
    offer_id            text not null,
    rule                text not null,   -- the workbook row that produced the offer, as the decision's reasons name it
    segment             text not null,   -- '' when the request named none
    channel             text not null,
    ruleset_version     text not null,
    decisions           bigint not null default 0,  -- decisions that showed the offer (held-out ones show nothing)
    presented           bigint not null default 0,  -- (decision, offer) pairs with each outcome
    clicked             bigint not null default 0,
    accepted            bigint not null default 0,
    purchased           bigint not null default 0,
    dismissed           bigint not null default 0,
    presented_converted bigint not null default 0,  -- presented, and accepted or purchased
    presented_dismissed bigint not null default 0,  -- presented, and dismissed
    primary key (day, offer_id, rule, segment, channel, ruleset_version)
);

-- Each account's first decision under each experiment key, held out or not, and its first conversion (an ACCEPTED or
-- PURCHASED contact, from an outcome or imported) at or after it, of any offer type ('') and of each type: what the
-- lift against the holdout compares. Kept by the same job.
create table holdout_enrolment (
    experiment_key  text not null,
    account_id      text not null,
    holdout         boolean not null,
    enrolled_at     timestamptz not null,
    primary key (experiment_key, account_id)
);
create index holdout_enrolment_account_idx on holdout_enrolment (account_id);
create index holdout_enrolment_enrolled_idx on holdout_enrolment (experiment_key, enrolled_at);
create table holdout_conversion (
    experiment_key  text not null,
    account_id      text not null,
    offer_type      text not null,
    first_at        timestamptz not null,
    primary key (experiment_key, account_id, offer_type)
);
-- What the lift report sums, a few rows per day whatever the number of accounts: the accounts enrolled each day on
-- each side, and those of them whose first conversion (of any type, '', and of each) came within delay_hours of
-- their first decision (the delay rounded up to whole hours).
create table holdout_daily (
    experiment_key  text not null,
    day             date not null,
    holdout         boolean not null,
    accounts        bigint not null,
    primary key (experiment_key, day, holdout)
);
create table holdout_daily_conversion (
    experiment_key  text not null,
    day             date not null,
    holdout         boolean not null,
    offer_type      text not null,
    delay_hours     integer not null,
    accounts        bigint not null,
    primary key (experiment_key, day, holdout, offer_type, delay_hours)
);

-- How far the rollup has read: decisions made and outcomes recorded before up_to are counted, each once.
create table offer_rollup_progress (
    id      integer primary key check (id = 1),
    up_to   timestamptz not null
);
-- The account's segment, for the rollup: reading it out of each logged request's JSON cost the database more than
-- the insert of the decision (bench/e2e.sh). '' when the request named none; older decisions have null and are read
-- from their request.
alter table decision add column segment text;
-- The same for the holdout's experiment key (the request's, or the default).
alter table decision add column experiment_key text;
create index contact_event_recorded_at_idx on contact_event (recorded_at);
