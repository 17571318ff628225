-- The operators' console.
--
-- An account an operator has locked cannot sign in, and its sessions and refresh tokens end
-- with the lock. Sign-ins are counted so an operator can tell a dormant account from a used one.
alter table app_user add column locked_at timestamptz;
alter table app_user add column last_sign_in_at timestamptz;
alter table app_user add column sign_ins integer not null default 0;

-- Every change an operator makes: who, what, when, and the state before and after. Owned by the
-- audit module; written in the transaction of the change it records, so neither is kept without
-- the other. The actor is not a foreign key: the log outlives the accounts it names.
create table audit_entry (
    id        bigserial   primary key,
    at        timestamptz not null,
    actor_id  text        not null,
    action    text        not null,
    target    text        not null,
    before    jsonb,
    after     jsonb
);
create index audit_entry_target on audit_entry (target, id desc);

-- The console's charts: each process's requests (per method and route) and job runs (per kind),
-- counted each minute from its own metrics and added to the hour's row, with the latency SLO
-- buckets' counts so that the 99th percentile of several processes can be read from their sum.
-- Owned by platform; kept 8 days.
create table traffic_hour (
    hour     timestamptz not null,
    process  text        not null,
    route    text        not null,
    requests bigint      not null,
    errors   bigint      not null,
    buckets  bigint[]    not null,
    primary key (hour, process, route)
);
create index traffic_hour_hour on traffic_hour (hour);
