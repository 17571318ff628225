-- A user's study activity: what they kept and which plan days they read, newest first. It is
-- written after the write commits, by a listener that Spring Modulith's event publication registry
-- delivers at least once (again on restart if the process died first), so each entry has a natural
-- key and a repeated delivery inserts nothing.

create table study_activity (
    seq     bigint      generated always as identity primary key,
    user_id uuid        not null references study_user (user_id) on delete cascade,
    kind    text        not null check (kind in ('highlight.created', 'note.created', 'bookmark.created',
                                                 'plan.day-completed')),
    subject uuid        not null,              -- the highlight, note or bookmark; or the plan enrolment
    day     int         not null default 0,    -- the plan's day; 0 for items
    osis    text,                              -- the item's passage, KJV numbering
    at      timestamptz not null,              -- when it happened (the event's instant)
    unique (user_id, kind, subject, day)
);
create index study_activity_feed on study_activity (user_id, at desc, seq desc);
