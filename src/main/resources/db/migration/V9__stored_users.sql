-- Users an admin manages through /users, beside the configured (embedded) users of quarkus.security.users.embedded.
-- Only a bcrypt hash of each password is kept (modular crypt format, $2a$...); roles are a comma-separated list of
-- viewer, analyst and admin.
create table stored_user (
    name                 text primary key,
    password_hash        text not null,
    roles                text not null default '',
    created_at           timestamptz not null,
    password_changed_at  timestamptz not null
);
