-- Notifications: the log of what was sent to whom, one row per message. Its key makes a message
-- that a retried job sends again recognisable; readers see their own rows. No foreign key to
-- app_user: the rows are the notifications module's, deleted when it hears an account was deleted.

create table notification_delivery (
    idempotency_key text        primary key,
    user_id         uuid,
    kind            text        not null,   -- what was sent: password-reset, verify-email, …
    channel         text        not null check (channel in ('email', 'push')),
    recipient       text        not null,
    status          text        not null check (status in ('sending', 'sent', 'skipped', 'failed')),
    transport       text        not null,   -- mailbox, smtp, resend
    attempts        integer     not null default 0,
    provider_id     text,                   -- the transport's id of the message
    detail          text,                   -- why it was skipped or failed
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index notification_delivery_user on notification_delivery (user_id, created_at desc);
