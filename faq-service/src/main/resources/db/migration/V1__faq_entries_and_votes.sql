-- The knowledge base. One row per language version of a topic: rows that translate each other
-- share a topic_key ("damaged-parcel" in en, de, fr). category and sort_order belong to the topic
-- and are kept equal across its translations by the application.

-- The text-search configuration for an entry's language: the PostgreSQL stemmer where one exists,
-- 'simple' (lower-casing only) otherwise. IMMUTABLE so it can feed the generated column below.
CREATE FUNCTION faq_regconfig(lang text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE lang
        WHEN 'en' THEN 'english'
        WHEN 'de' THEN 'german'
        WHEN 'fr' THEN 'french'
        WHEN 'es' THEN 'spanish'
        WHEN 'it' THEN 'italian'
        WHEN 'nl' THEN 'dutch'
        WHEN 'pt' THEN 'portuguese'
        ELSE 'simple'
    END::regconfig
$$;

CREATE TABLE faq_entry (
    id                uuid          PRIMARY KEY,
    topic_key         varchar(80)   NOT NULL CHECK (topic_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    language          varchar(2)    NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    category          varchar(16)   NOT NULL CHECK (category IN ('DAMAGED', 'LOST', 'LATE', 'QUALITY', 'OTHER',
                                                                 'SHIPPING', 'RETURNS', 'ACCOUNT', 'SUPPORT')),
    question          varchar(300)  NOT NULL,
    answer            text          NOT NULL CHECK (char_length(answer) <= 20000),
    published         boolean       NOT NULL DEFAULT false,
    sort_order        integer       NOT NULL DEFAULT 0,
    -- maintained with the votes in faq_vote, in the same transaction, under a row lock on the entry
    helpful_count     integer       NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
    not_helpful_count integer       NOT NULL DEFAULT 0 CHECK (not_helpful_count >= 0),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL DEFAULT 0,
    -- questions weigh more than answers; stemmed in the entry's own language
    search_vector     tsvector      GENERATED ALWAYS AS (
                          setweight(to_tsvector(faq_regconfig(language), question), 'A')
                          || setweight(to_tsvector(faq_regconfig(language), answer), 'B')) STORED
);

-- one version per language of a topic; also serves "is there a published translation of this topic?"
CREATE UNIQUE INDEX faq_entry_topic_language_uq ON faq_entry (topic_key, language);
-- browsing: published entries of a language in display order. Covers everything the reader's list
-- filters and sorts on (and the "is this topic translated?" lookup), so a page is an index-only scan
-- plus one heap fetch per returned row.
CREATE INDEX faq_entry_browse_idx ON faq_entry (language, sort_order, topic_key) INCLUDE (id, category)
    WHERE published;
CREATE INDEX faq_entry_search_idx ON faq_entry USING gin (search_vector);

-- One vote per signed-in user per entry; voting again replaces the vote.
CREATE TABLE faq_vote (
    entry_id   uuid          NOT NULL REFERENCES faq_entry (id) ON DELETE CASCADE,
    voter_id   varchar(255)  NOT NULL,   -- the token's sub
    helpful    boolean       NOT NULL,
    created_at timestamptz   NOT NULL,
    updated_at timestamptz   NOT NULL,
    PRIMARY KEY (entry_id, voter_id)
);
