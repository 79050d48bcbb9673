-- Search snippets at 1,000,000 tickets (search/TicketSearch).
--
-- support_headline (V12) gives the same result for every text and query, but costs a fifth: V12's body
-- had sub-selects, so PostgreSQL could not inline it and set up a small executor for every call
-- (0.28 ms a snippet where its two ts_headline calls take 0.04 ms; 105 descriptions of the seeded data
-- took 29.5 ms, now 6-9 ms). Now it is one expression that the planner inlines into the statement;
-- only the choice between the two readings is a function call, in PL/pgSQL, which evaluates these
-- simple assignments directly. The text-search configurations are resolved when this is created, as before.

-- Of the English and the German headline, the one that marks more (English on a tie); null when neither
-- marks anything (the field did not match).
CREATE FUNCTION support_headline_pick(en text, de text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    en_marks int := length(en) - length(replace(en, chr(1), ''));
    de_marks int := length(de) - length(replace(de, chr(1), ''));
BEGIN
    RETURN CASE WHEN en_marks = 0 AND de_marks = 0 THEN NULL
                WHEN en_marks >= de_marks THEN en ELSE de END;
END
$$;

-- As V12 describes: the markers U+0001/U+0002 and the stand-ins U+E000/U+E001 are removed from the
-- text, < and > become the stand-ins; null when the query has no words.
CREATE OR REPLACE FUNCTION support_headline(body text, query tsquery, options text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN numnode(query) > 0 THEN support_headline_pick(
        ts_headline('support_en', translate(body, '<>' || chr(1) || chr(2) || chr(57344) || chr(57345),
                                            chr(57344) || chr(57345)),
                    query, options || ', StartSel=' || chr(1) || ', StopSel=' || chr(2)),
        ts_headline('support_de', translate(body, '<>' || chr(1) || chr(2) || chr(57344) || chr(57345),
                                            chr(57344) || chr(57345)),
                    query, options || ', StartSel=' || chr(1) || ', StopSel=' || chr(2))) END;

-- A GIN index collects new entries in a pending list (up to gin_pending_list_limit, 4MB by default)
-- that every search reads in full until a flush or VACUUM merges it into the index. Messages are
-- written all the time: with 2,500 pending entries (120 pages) each look-up in the message index took
-- 1.3 ms instead of 0.05 ms, and at 4MB it would be about 5 ms. 256kB keeps the list to 32 pages; the
-- write that overflows it merges it (measured on a copy of 300,000 message documents: at most ~10 ms,
-- once every ~600 messages; a 4MB list's merge is rarer and 16 times larger).
ALTER INDEX ticket_message_search_idx SET (gin_pending_list_limit = 256);
ALTER INDEX ticket_search_idx SET (gin_pending_list_limit = 256);
