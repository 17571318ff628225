-- A reader's study exports, built by the workers and kept in the file store for a week.
create table file_export (
    id            uuid primary key,
    user_id       uuid        not null,
    format        text        not null check (format in ('JSON', 'MARKDOWN', 'PDF')),
    translation   text        not null,
    status        text        not null check (status in ('queued', 'ready')),
    file_key      text,
    bytes         bigint,
    items         integer,
    build_millis  bigint,
    requested_at  timestamptz not null,
    finished_at   timestamptz
);

create index file_export_by_user on file_export (user_id, requested_at desc);
