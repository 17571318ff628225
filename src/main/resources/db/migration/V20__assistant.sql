-- The study assistant: each reader's questions and the answers they got (their study data), the
-- questions asked in the current hour (the limit their plan sets), and answers kept for readers
-- asking the same question of the same corpus.

create table assistant_exchange (
    id          uuid        primary key,
    user_id     uuid        not null,
    asked_at    timestamptz not null,
    translation text        not null,
    language    text        not null,
    question    text        not null,
    parts       jsonb       not null,   -- the answer as the reader got it: text and checked citations
    source      text        not null    -- extractive, anthropic, openai or ollama
);
create index assistant_exchange_by_user on assistant_exchange (user_id, asked_at desc);

create table assistant_quota (
    user_id      uuid        primary key,
    window_start timestamptz not null,
    questions    int         not null
);

create table assistant_answer (
    key            text        primary key,  -- SHA-256 of corpus version, translation, language, writers and question
    corpus_version bigint      not null,
    parts          jsonb       not null,
    source         text        not null,
    created_at     timestamptz not null
);
create index assistant_answer_by_version on assistant_answer (corpus_version);
