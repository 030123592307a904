-- Every ruleset ever submitted, valid or not, with its files byte for byte.
create table ruleset (
    version     integer primary key,
    sha256      text not null,
    author      text not null,
    comment     text,
    source      text not null check (source in ('FOLDER', 'UPLOAD')),
    status      text not null check (status in ('VALID', 'REJECTED')),
    errors      jsonb not null default '[]',
    warnings    jsonb not null default '[]',
    created_at  timestamptz not null
);

create table ruleset_file (
    version  integer not null references ruleset (version),
    name     text not null,
    sha256   text not null,
    content  bytea not null,
    primary key (version, name)
);

-- The audit of activations; the newest row names the version that serves on every instance.
create table ruleset_activation (
    id            bigserial primary key,
    from_version  integer references ruleset (version),
    to_version    integer not null references ruleset (version),
    activated_by  text not null,
    activated_at  timestamptz not null,
    forced        boolean not null default false
);
