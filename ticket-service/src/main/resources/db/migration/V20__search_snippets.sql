-- Search snippets at 1,000,000 tickets (search/TicketSearch).
--
-- support_headline (V12) as PL/pgSQL: same arguments, same result for every text and query. The SQL
-- version's body has sub-selects, so PostgreSQL could not inline it and set up a small executor for
-- every call: 0.28 ms a snippet, where its two ts_headline calls take 0.04 ms (measured on the seeded
-- data: 105 descriptions 29.5 ms, now 5.7 ms). PL/pgSQL evaluates these simple assignments directly.
-- (An inlinable one-expression version was tried too: it computes the cleaned text twice and costs the
-- planner more; the PL/pgSQL one measured 0.4 ms planning + 2.6-3.0 ms for a page's snippets against
-- 0.6-1.0 + 3.1-7.7 ms.) Unlike V12's body, the configuration names are looked up when the function is
-- first run in a session, through the search_path, as the service's statements find these functions.
CREATE OR REPLACE FUNCTION support_headline(body text, query tsquery, options text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    clean text;
    opts text;
    en text;
    de text;
    en_marks int;
    de_marks int;
BEGIN
    IF numnode(query) = 0 THEN
        RETURN NULL; -- no words to mark (only stop words, or only operators)
    END IF;
    -- the markers and the private-use stand-ins are removed from the text, < and > become the stand-ins
    clean := translate(body, '<>' || chr(1) || chr(2) || chr(57344) || chr(57345), chr(57344) || chr(57345));
    opts := options || ', StartSel=' || chr(1) || ', StopSel=' || chr(2);
    en := ts_headline('support_en', clean, query, opts);
    de := ts_headline('support_de', clean, query, opts);
    en_marks := length(en) - length(replace(en, chr(1), ''));
    de_marks := length(de) - length(replace(de, chr(1), ''));
    RETURN CASE WHEN en_marks = 0 AND de_marks = 0 THEN NULL
                WHEN en_marks >= de_marks THEN en ELSE de END;
END
$$;

-- A GIN index collects new entries in a pending list (up to gin_pending_list_limit, 4MB by default)
-- that every search reads in full until a flush or VACUUM merges it into the index. Messages are
-- written all the time: with 2,500 pending entries (120 pages) each look-up in the message index took
-- 1.3 ms instead of 0.05 ms; at 4MB it would be about 5 ms. 256kB keeps
-- the list to 32 pages; the post that overflows it merges it (measured on a copy of 300,000 message
-- documents: at most ~10 ms, once every ~600 messages; a 4MB list's merge is rarer and 16 times larger).
ALTER INDEX ticket_message_search_idx SET (gin_pending_list_limit = 256);
ALTER INDEX ticket_search_idx SET (gin_pending_list_limit = 256);
