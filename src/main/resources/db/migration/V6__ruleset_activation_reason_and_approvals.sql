-- Why a version was activated, in the words of whoever activated it (optional).
alter table ruleset_activation add column reason text;

-- Four-eyes (nba.rulesets.require-approval): who approved a version for activation. An author never approves their
-- own version, and an analyst approves a version once.
create table ruleset_approval (
    id           bigserial primary key,
    version      integer not null references ruleset (version),
    approved_by  text not null,
    approved_at  timestamptz not null,
    comment      text,
    unique (version, approved_by)
);
