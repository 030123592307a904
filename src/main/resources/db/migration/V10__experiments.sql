-- Champion/challenger experiments: a challenger version serves a share of the accounts (those not held out), split by
-- account and key. One runs at a time; every instance follows this table, as it follows ruleset_activation.
create table experiment (
    id                  bigserial primary key,
    key                 text not null,
    challenger_version  integer not null references ruleset (version),
    champion_version    integer references ruleset (version),   -- the version that served when it started
    share_percent       integer not null check (share_percent between 1 and 50),
    status              text not null check (status in ('RUNNING', 'STOPPED', 'PROMOTED')),
    started_by          text not null,
    started_at          timestamptz not null,
    reason              text,                                    -- why it was started
    ended_by            text,
    ended_at            timestamptz,
    end_reason          text                                     -- why it was stopped or promoted
);
create unique index experiment_one_running_idx on experiment ((true)) where status = 'RUNNING';

-- Each decision of a running experiment names it and its arm; held-out decisions and those made while none runs have
-- neither. The arm is CHAMPION or CHALLENGER (decide.Arm); no constraint, which would have to read every logged row
-- here, and no foreign key, which every decision's insert would check. The comparison reads an experiment's decisions
-- by the index, however large the log grows (a partial index: the decisions of no experiment add nothing to it).
alter table decision add column experiment_id bigint, add column arm text;
create index decision_experiment_idx on decision (experiment_id, arm, account_id, created_at) where experiment_id is not null;
