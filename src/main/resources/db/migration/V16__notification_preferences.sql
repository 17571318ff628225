-- What each reader wants to be told, when (a local time in their own time zone, quiet hours), and
-- the next moment a reminder is due (UTC, computed from those: daylight-saving changes included),
-- which the minute sweep reads through its index. Addresses that bounced or complained are not
-- written to again.

create table notification_preference (
    user_id           uuid        primary key,
    time_zone         text        not null,
    remind_at         time        not null,
    quiet_start       time,
    quiet_end         time,
    email_kinds       text[]      not null default '{}',   -- plan-reminder, catch-up, verse-of-the-day
    translation       text        not null default '',     -- the verse of the day's; by the reader's language if empty
    unsubscribe_token text        not null unique,         -- one-click unsubscribe (RFC 8058) links carry it
    next_send_at      timestamptz,                         -- null when nothing is to be sent
    updated_at        timestamptz not null
);
create index notification_preference_due on notification_preference (next_send_at) where next_send_at is not null;

create table notification_suppression (
    address    text        primary key,                    -- lower-cased
    reason     text        not null check (reason in ('bounced', 'complained')),
    detail     text,
    created_at timestamptz not null
);
