-- Full-text search over tickets and their messages (search/TicketSearch), inside PostgreSQL.
-- Both extensions are "trusted" (PostgreSQL 13+), so the database owner may create them; Debian's
-- PostgreSQL server package ships them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One text-search configuration per language, accent-insensitive (Müller = Muller, café = cafe):
-- the language's own stemmer and stop words, with unaccent in front of it for words with letters
-- beyond ASCII. A ticket does not say which language it is written in, so every document is indexed
-- with both and every query asks both (support_search_query).
CREATE TEXT SEARCH CONFIGURATION support_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION support_en
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION support_de (COPY = german);
ALTER TEXT SEARCH CONFIGURATION support_de
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;

-- A text as both languages index it. IMMUTABLE so that it may build generated columns and indexes.
CREATE FUNCTION support_search_document(body text, weight "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector('support_en', coalesce(body, '')), weight)
        || setweight(to_tsvector('support_de', coalesce(body, '')), weight);

-- What the user typed (websearch syntax: "quoted phrase", or, -not; never a syntax error) in either
-- language. A one-expression SQL function: the planner inlines it and folds it to a constant, so
-- `document @@ support_search_query($1)` is a GIN index condition.
CREATE FUNCTION support_search_query(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN websearch_to_tsquery('support_en', q) || websearch_to_tsquery('support_de', q);

-- unaccent() is only STABLE (its dictionary could change); this fixed-dictionary form is what the
-- trigram index on names is built from, and queries must spell the expression the same way.
CREATE FUNCTION support_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));
CREATE FUNCTION support_fold(value text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN ARRAY(SELECT support_fold(v) FROM unnest(value) AS v);

-- A snippet of `body` with the matches of `query` between U+0001 and U+0002 (the caller escapes the
-- text for HTML and only then turns those two into <mark> and </mark>; they are removed from the
-- text first, so the text cannot fake one). ts_headline drops what its parser takes for an HTML tag
-- from a passage, so < and > travel as U+E000 and U+E001 (private use; removed from the text first)
-- and the caller turns them back into &lt; and &gt;. The English and the German reading stem differently:
-- whichever marks more wins; null when neither marks anything (or the query has no words) (the field did not match).
CREATE FUNCTION support_headline(body text, query tsquery, options text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT CASE WHEN h.en_marks = 0 AND h.de_marks = 0 THEN NULL
                        WHEN h.en_marks >= h.de_marks THEN h.en ELSE h.de END
              FROM (SELECT en, de, length(en) - length(replace(en, chr(1), '')) AS en_marks,
                           length(de) - length(replace(de, chr(1), '')) AS de_marks
                      FROM (SELECT ts_headline('support_en', clean, query, opts) AS en,
                                   ts_headline('support_de', clean, query, opts) AS de
                              FROM (SELECT translate(body, '<>' || chr(1) || chr(2) || chr(57344) || chr(57345),
                                                     chr(57344) || chr(57345)) AS clean,
                                           options || ', StartSel=' || chr(1) || ', StopSel=' || chr(2) AS opts
                                     WHERE numnode(query) > 0) o) x) h);

-- The ticket's document: subject (weight A) and description (B), derived from the row itself. PostgreSQL
-- recomputes a stored generated column only when a column it reads is written, so the hot paths that
-- update the ticket row (a message bumps its counters) never re-parse a 10,000-character description.
ALTER TABLE ticket ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    support_search_document(subject, 'A') || support_search_document(description, 'B')) STORED;
CREATE INDEX ticket_search_idx ON ticket USING gin (search_document);

-- Partial input finds identifiers through trigram indexes: '777777' finds DLV-2025-777777,
-- '000123' SUP-000123, 'example.com' every address there, 'mull' Müller (staff only).
CREATE INDEX ticket_reference_trgm_idx ON ticket USING gin (reference gin_trgm_ops);
CREATE INDEX ticket_delivery_trgm_idx ON ticket USING gin (delivery_id gin_trgm_ops);
CREATE INDEX ticket_customer_email_trgm_idx ON ticket USING gin (customer_email gin_trgm_ops);
CREATE INDEX ticket_customer_name_trgm_idx ON ticket USING gin (support_fold(customer_name) gin_trgm_ops);

-- A message's document derives from the row itself (weight C), so it follows the message wherever an
-- UPDATE moves it (a merge re-points ticket_id) and can never be stale.
ALTER TABLE ticket_message
    ADD COLUMN search_document tsvector GENERATED ALWAYS AS (support_search_document(body, 'C')) STORED;
CREATE INDEX ticket_message_search_idx ON ticket_message USING gin (search_document);
-- A word in half of all tickets must not rank half of all messages: a search ranks the newest matches
-- of each part (support.search.window), and for such a word the newest are found by walking this
-- index and testing each document, which stops after the window instead of reading every match.
CREATE INDEX ticket_message_created_idx ON ticket_message (created_at DESC, id DESC);
