-- Failed sign-ins per email (lower-cased), whether or not an account has that email, so that
-- guessing one account's password from many addresses is slowed down and nothing tells which
-- emails exist. A row is deleted when its email signs in successfully.
create table sign_in_throttle (
    email        text primary key,
    failures     integer     not null,
    window_start timestamptz not null,
    locked_until timestamptz
);
