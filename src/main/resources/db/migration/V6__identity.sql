-- Identity: users, the keys that sign access tokens, refresh-token families, web sessions and
-- the webhook deliveries already handled. Secrets are stored only as SHA-256 digests, except the
-- signing keys, which must be usable (protect the database and its backups accordingly).

create table app_user (
    id            uuid        primary key,
    email         text        not null,
    password_hash text,                          -- Argon2id (PHC string); null for external users
    external_id   text        unique,            -- the external provider's user id (Clerk: user_…)
    display_name  text        not null default '',
    role          text        not null default 'user' check (role in ('user', 'admin')),
    plan          text        not null default 'free' check (plan in ('free', 'plus')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create unique index app_user_email on app_user (lower(email));

create table signing_key (
    kid          text        primary key,
    algorithm    text        not null,           -- RS256
    private_key  bytea       not null,           -- PKCS#8
    public_jwk   text        not null,           -- JSON, as published in the JWKS
    created_at   timestamptz not null,
    retired_at   timestamptz                     -- no longer signs; published until tokens it signed expire
);

create table refresh_token (
    token_sha256 bytea       primary key,
    family_id    uuid        not null,
    user_id      uuid        not null references app_user (id) on delete cascade,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz                     -- exchanged for a new one: presenting it again is reuse
);
create index refresh_token_family on refresh_token (family_id);

create table refresh_family (
    id          uuid        primary key,
    user_id     uuid        not null references app_user (id) on delete cascade,
    created_at  timestamptz not null,
    revoked_at  timestamptz,
    revoked_why text
);

create table web_session (
    token_sha256 bytea       primary key,
    csrf_sha256  bytea       not null,
    user_id      uuid        not null references app_user (id) on delete cascade,
    created_at   timestamptz not null,
    expires_at   timestamptz not null
);

create table webhook_delivery (
    id          text        primary key,         -- svix-id
    received_at timestamptz not null default now()
);
