-- Every decision, as asked and as answered: later issues replay this log.
create table decision (
    id              uuid primary key,
    request_id      text unique,
    account_id      text not null,
    ruleset_version text not null,
    request         jsonb not null,
    offers          jsonb not null,   -- ranked offers, also for a holdout decision (what it would have offered)
    suppressed      jsonb not null,
    response        jsonb not null,   -- exactly what was returned, for a repeated requestId
    holdout         boolean not null,
    created_at      timestamptz not null
);
create index decision_account_idx on decision (account_id, created_at);

-- Contacts with an account: outcomes of our decisions and contacts imported from elsewhere.
create table contact_event (
    id          bigserial primary key,
    account_id  text not null,
    offer_id    text not null,
    outcome     text not null check (outcome in ('PRESENTED', 'CLICKED', 'ACCEPTED', 'DISMISSED', 'PURCHASED')),
    at          timestamptz not null,
    decision_id uuid references decision (id),
    recorded_at timestamptz not null default now(),
    unique (decision_id, offer_id, outcome)
);
create index contact_event_account_at_idx on contact_event (account_id, at);
