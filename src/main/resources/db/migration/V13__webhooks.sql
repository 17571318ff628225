-- Outbound webhooks (Standard Webhooks): endpoints registered by users, the messages sent to
-- them, and every delivery attempt. Owned by the webhooks module; an endpoint's owner is an
-- account id (its endpoints go when the account does, on UserDeleted). (webhook_delivery is
-- identity's record of inbound webhooks received.)
create table webhook_endpoint (
    id                    uuid primary key,
    owner_id              uuid        not null,
    url                   text        not null,
    description           text        not null,
    event_types           text[]      not null,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    enabled               boolean     not null,
    disabled_reason       text        not null default '',
    failing_since         timestamptz,
    created_at            timestamptz not null
);
create index webhook_endpoint_owner on webhook_endpoint (owner_id);

-- What was sent: an event of a type, for every subscribed endpoint (owner_id null) or for one
-- account's endpoints only (study events: a reader's own data goes only where they sent it).
create table webhook_message (
    id         text primary key,
    event_type text        not null,
    owner_id   uuid,
    payload    text        not null,
    created_at timestamptz not null
);
create index webhook_message_created on webhook_message (created_at);

create table webhook_attempt (
    id          bigint generated always as identity primary key,
    endpoint_id uuid        not null references webhook_endpoint (id) on delete cascade,
    message_id  text        not null references webhook_message (id) on delete cascade,
    attempt     integer     not null,
    status_code integer     not null,   -- 0: no response
    error       text        not null,
    duration_ms integer     not null,
    succeeded   boolean     not null,
    at          timestamptz not null
);
create index webhook_attempt_endpoint on webhook_attempt (endpoint_id, at desc);
