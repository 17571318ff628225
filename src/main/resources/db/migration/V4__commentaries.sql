-- Commentaries (SWORD zCom modules): Matthew Henry's Concise, Scofield's notes, the Treasury of
-- David. Each entry covers a KJV verse range; a commentary on verse X is found through the index
-- on the start verse together with the end columns.

alter table reference_work drop constraint reference_work_kind_check,
    add constraint reference_work_kind_check check (kind in ('topical', 'lexicon', 'commentary'));

create table commentary_entry (
    id              bigserial primary key,
    module          text not null references reference_work (module) on delete cascade,
    start_book      text not null,
    start_chapter   int  not null,
    start_verse     int  not null,
    end_book        text not null,
    end_chapter     int  not null,
    end_verse       int  not null,
    title           text not null,              -- a heading ("Verses 1-6", "EXPOSITION: Verse 3") or ''
    text            text not null,              -- plain text, paragraphs separated by a blank line
    position        int  not null,              -- order within the module
    unique (module, position)
);
create index commentary_entry_by_start on commentary_entry (start_book, start_chapter, start_verse);

-- The scripture an entry cites, as normalised OSIS ranges.
create table commentary_citation (
    entry_id        bigint not null references commentary_entry (id) on delete cascade,
    osis            text   not null,
    primary key (entry_id, osis)
);
