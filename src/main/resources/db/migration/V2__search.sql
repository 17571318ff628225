-- Search: sentence embeddings of verse texts, keyed by the model and the SHA-256 of the text, so
-- that an unchanged text is never embedded again (a full corpus takes minutes to embed).

create table embedding_cache (
    model        text  not null,      -- e.g. all-minilm-l6-v2-q
    text_sha256  bytea not null,      -- SHA-256 of the UTF-8 text
    vector       bytea not null,      -- float32 little-endian, unit length
    primary key (model, text_sha256)
);
