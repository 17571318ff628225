-- A user's reading plans: the plan's days are copied at enrolment, so a plan regenerated
-- later (another corpus, another balance) never moves the ground under a reader mid-year.

create table plan_enrolment (
    id          uuid        primary key,
    user_id     uuid        not null references study_user (user_id) on delete cascade,
    plan_key    text        not null,             -- a built-in plan's id, or 'custom'
    name        text        not null,
    readings    jsonb       not null,             -- per day, the OSIS ranges to read
    start_date  date        not null,
    time_zone   text        not null,             -- an IANA zone: "today" is the reader's today
    created_at  timestamptz not null default now()
);
create index plan_enrolment_user on plan_enrolment (user_id);

create table plan_day_read (
    enrolment_id uuid        not null references plan_enrolment (id) on delete cascade,
    day          int         not null,
    read_at      timestamptz not null,
    primary key (enrolment_id, day)
);
