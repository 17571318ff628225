-- Web Push: the browsers each reader asked to be reminded in (their push service's endpoint and
-- the keys messages are encrypted for, RFC 8291), which kinds of reminder they want there, and
-- the application server's own key pair (VAPID, RFC 8292), made by the first process that needs it.

create table push_subscription (
    id         uuid        primary key,
    user_id    uuid        not null,
    endpoint   text        not null unique,
    p256dh     bytea       not null,
    auth       bytea       not null,
    created_at timestamptz not null
);
create index push_subscription_user on push_subscription (user_id);

alter table notification_preference add column push_kinds text[] not null default '{}';

create table push_key (
    id          integer     primary key check (id = 1),
    private_key bytea       not null,   -- PKCS#8
    public_key  bytea       not null,   -- the uncompressed P-256 point browsers subscribe with
    created_at  timestamptz not null
);
