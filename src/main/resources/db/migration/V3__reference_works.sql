-- Reference works ingested beside the Bibles: Nave's topics and Strong's lexicons. PostgreSQL is
-- their source of truth; the scripture graph is built from these tables.

-- Non-Bible modules and what was ingested from them, so an unchanged module is skipped.
create table reference_work (
    module          text primary key,
    kind            text        not null check (kind in ('topical', 'lexicon')),
    checksum        text        not null,
    parser_version  int         not null,
    entry_count     int         not null,
    ingested_at     timestamptz not null
);

create table topic (
    id              text primary key,          -- Nave's key, made unique (SIN, SIN-2)
    module          text not null references reference_work (module) on delete cascade,
    name            text not null
);

create table topic_heading (
    topic_id        text not null references topic (id) on delete cascade,
    position        int  not null,              -- 0 is the topic's main list when it has one
    heading         text not null,
    refs            text[] not null,            -- OSIS ranges as the source gives them
    primary key (topic_id, position)
);

-- Each verse of a topic once, under the first heading that cites it (KJV numbering).
create table topic_verse (
    topic_id        text not null references topic (id) on delete cascade,
    heading         int  not null,
    book            text not null,
    chapter         int  not null,
    verse           int  not null,
    primary key (topic_id, book, chapter, verse)
);
create index topic_verse_by_verse on topic_verse (book, chapter, verse);

create table topic_link (
    topic_id        text not null references topic (id) on delete cascade,
    target_key      text not null,              -- may name a topic the source lacks
    primary key (topic_id, target_key)
);

create table lexicon_entry (
    id              text primary key,           -- H430, G26
    module          text not null references reference_work (module) on delete cascade,
    lemma           text not null,
    transliteration text not null,
    pronunciation   text not null,
    definition      text not null,
    links           text[] not null
);
