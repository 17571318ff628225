-- Billing: each reader's Stripe customer, their subscriptions as Stripe last described them, and
-- the webhook events already handled (Stripe delivers an event at least once, and may reorder).

create table billing_customer (
    user_id            uuid        primary key,
    stripe_customer_id text        not null unique,
    created_at         timestamptz not null
);

create table billing_subscription (
    stripe_subscription_id text        primary key,
    user_id                uuid        not null,
    status                 text        not null,   -- trialing, active, past_due, canceled, unpaid, incomplete, …
    price_id               text        not null,
    plan                   text        not null check (plan in ('free', 'plus')),
    current_period_end     timestamptz,
    cancel_at_period_end   boolean     not null default false,
    canceled_at            timestamptz,
    updated_at             timestamptz not null
);
create index billing_subscription_user on billing_subscription (user_id);

create table billing_event (
    stripe_event_id text        primary key,
    type            text        not null,
    received_at     timestamptz not null
);
