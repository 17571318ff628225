-- Account emails of the built-in provider: a verified address, the language its messages are
-- written in, and the single-use requests behind emailed links (password reset, address
-- verification, address change). A request's secret is minted when its email is sent and stored
-- only as a SHA-256 digest; a request is used once, expires, and is superseded by a newer one of
-- its purpose.

alter table app_user add column email_verified_at timestamptz;
alter table app_user add column language text not null default 'en';

create table account_request (
    id           uuid        primary key,
    user_id      uuid        not null references app_user (id) on delete cascade,
    purpose      text        not null check (purpose in ('password-reset', 'email-verification', 'email-change')),
    new_email    text,                           -- the address an email change goes to
    token_sha256 bytea       unique,             -- the secret of the link last sent; null until sent
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    closed_at    timestamptz,                    -- used, or superseded by a newer request
    closed_why   text        check (closed_why in ('used', 'superseded'))
);
create index account_request_user on account_request (user_id, purpose, created_at);
