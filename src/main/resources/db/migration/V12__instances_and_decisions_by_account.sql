-- Which version each instance serves: every instance writes its row on the sync schedule (RuleSetSchedules) and
-- deletes it when it stops; a row no longer written is an instance gone (InstanceHeartbeat says when it is stale).
create table instance_heartbeat (
    instance_id      text primary key,
    serving_version  integer,
    started_at       timestamptz not null,
    last_seen        timestamptz not null
);

-- An account's recent decisions (GET /decisions?accountId=…, the console's "Why this decision"). V4 dropped the
-- account index to keep the log's writes in order; reading an account's decisions needs one, newest first. Its pages
-- take random inserts, which the decision log pays for on every write (bench/e2e.sh measures it).
create index decision_account_created_idx on decision (account_id, created_at desc);
