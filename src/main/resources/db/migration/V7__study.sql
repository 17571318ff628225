-- Personal study data: highlights, notes and bookmarks, one row each, anchored to a KJV-numbered
-- verse range. Deleting keeps a tombstone (deleted = true) so that other devices learn of it
-- through /v1/me/sync. Every write takes the user's next change number, under a lock on the
-- user's row in study_user, so a sync cursor never skips a write that commits late.

create table study_user (
    user_id     uuid   primary key,
    last_change bigint not null default 0
);

create table study_item (
    id            uuid        primary key,
    user_id       uuid        not null references study_user (user_id) on delete cascade,
    kind          text        not null check (kind in ('highlight', 'note', 'bookmark')),
    osis          text        not null,            -- KJV-numbered range, e.g. John.3.16-John.3.18
    first_ordinal int         not null,            -- KJV verse ordinals, for "everything on John 3"
    last_ordinal  int         not null,
    data          jsonb       not null,            -- colour and word offsets, markdown, folder
    tags          text[]      not null default '{}',
    version       int         not null,
    change        bigint      not null,
    deleted       boolean     not null default false,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index study_item_sync on study_item (user_id, change);
create index study_item_passage on study_item (user_id, kind, first_ordinal) where not deleted;
create index study_item_tags on study_item using gin (tags) where not deleted;

-- A create retried with the same Idempotency-Key answers with the item it created the first time.
create table study_idempotency (
    user_id        uuid        not null references study_user (user_id) on delete cascade,
    key            text        not null,
    request_digest text        not null,
    item_id        uuid        not null,
    created_at     timestamptz not null default now(),
    primary key (user_id, key)
);
