-- Scripture core: translations ingested from SWORD modules, their books and verses in the
-- module's own numbering, and how that numbering aligns with KJV, GospeLib's reference.

create table translation (
    id              text primary key,            -- short and stable: KJV, WEB, RV1909
    module          text        not null unique, -- SWORD module name: engKJV2006eb
    name            text        not null,
    language        text        not null,
    license         text        not null,
    versification   text        not null,
    module_version  text        not null,
    checksum        text        not null,        -- SHA-256 of the module's conf and data files
    parser_version  int         not null,        -- bumped when parsing changes, forcing a re-ingest
    verse_count     int         not null,
    ingested_at     timestamptz not null
);

create table book (
    translation_id  text not null references translation (id) on delete cascade,
    osis_id         text not null,
    position        int  not null,               -- canonical order within the translation
    name            text not null,
    long_name       text not null,
    abbreviation    text not null,
    testament       text not null check (testament in ('OT', 'NT')),
    chapter_count   int  not null,
    verse_count     int  not null,
    primary key (translation_id, osis_id)
);

create table verse (
    translation_id  text not null references translation (id) on delete cascade,
    book            text not null,
    chapter         int  not null,
    verse           int  not null,
    text            text not null,
    content         jsonb not null,              -- segments, notes and title (VerseContent)
    primary key (translation_id, book, chapter, verse)
);

-- Only where a translation's numbering differs from KJV: a KJV verse found at another native
-- slot (or none), so a parallel view can align verses correctly.
create table verse_alignment (
    translation_id  text not null references translation (id) on delete cascade,
    kjv_book        text not null,
    kjv_chapter     int  not null,
    kjv_verse       int  not null,
    native_book     text,
    native_chapter  int,
    native_verse    int,
    reason          text not null,
    primary key (translation_id, kjv_book, kjv_chapter, kjv_verse)
);

create table ingest_run (
    id              bigserial primary key,
    mode            text        not null check (mode in ('full', 'incremental')),
    started_at      timestamptz not null,
    finished_at     timestamptz,
    outcome         text        not null check (outcome in ('running', 'changed', 'unchanged', 'failed')),
    modules         jsonb       not null default '[]'::jsonb, -- per module: checksum, action, counts
    message         text        not null default ''
);

-- One row: bumped in the same transaction as any change to the corpus, so every reader
-- (each replica's in-memory snapshot, HTTP caches via ETag) can tell when content changed.
create table corpus_state (
    id              int primary key check (id = 1),
    version         bigint      not null,
    changed_at      timestamptz not null
);
insert into corpus_state (id, version, changed_at) values (1, 0, now());
