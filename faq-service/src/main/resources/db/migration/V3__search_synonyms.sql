-- Synonyms for the FAQ search (issue 13 item 27): customers write "package", "missing", "delayed"
-- where the entries say "parcel", "lost", "late". A reader's query is expanded before it is matched:
-- each word of a group also matches the group's other words (faq_expand, used by FaqReadService).
--
-- Why query expansion and not a PostgreSQL synonym or thesaurus dictionary: those dictionaries are
-- files in the server's share/tsearch_data directory, which a migration cannot install (and a
-- managed PostgreSQL such as the CloudNativePG image does not let us add); they would also change
-- the stored vectors, so every edit would mean re-indexing. These groups are rows: a migration adds
-- or changes one, and the next search uses it.
CREATE TABLE faq_synonym_group (
    id       serial       PRIMARY KEY,
    language varchar(2)   NOT NULL,
    words    text[]       NOT NULL
);

-- A group's words as the language's stemmer sees them (stop words dropped):
-- member: each word's lexeme → the group's placeholder; placeholder → all the lexemes, OR-ed.
-- Two steps, because ts_rewrite also rewrites what it has just substituted: expanding "package" to
-- "package | parcel" at once would then expand "parcel" again, and so on.
CREATE VIEW faq_synonym_member AS
    SELECT g.language, to_tsquery(faq_regconfig(g.language), w) AS lexeme,
           quote_literal('synonymgroup' || g.id)::tsquery AS placeholder
      FROM faq_synonym_group g, unnest(g.words) AS w
     WHERE numnode(to_tsquery(faq_regconfig(g.language), w)) = 1;

CREATE VIEW faq_synonym_expansion AS
    SELECT g.language, quote_literal('synonymgroup' || g.id)::tsquery AS placeholder,
           (SELECT string_agg(DISTINCT querytree(to_tsquery(faq_regconfig(g.language), w)), ' | ')
              FROM unnest(g.words) AS w
             WHERE numnode(to_tsquery(faq_regconfig(g.language), w)) = 1)::tsquery AS alternatives
      FROM faq_synonym_group g;

-- The reader's parsed query with every word of a group replaced by "any word of the group".
CREATE FUNCTION faq_expand(lang text, query tsquery) RETURNS tsquery
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
    SELECT ts_rewrite(
               ts_rewrite(query, format('SELECT lexeme, placeholder FROM faq_synonym_member WHERE language = %L', lang)),
               format('SELECT placeholder, alternatives FROM faq_synonym_expansion WHERE language = %L', lang))
$$;

INSERT INTO faq_synonym_group (language, words) VALUES
    ('en', ARRAY['parcel', 'package', 'shipment', 'consignment', 'box', 'order']),
    ('en', ARRAY['lost', 'missing', 'disappeared', 'vanished', 'gone']),
    ('en', ARRAY['late', 'delayed', 'delay', 'overdue']),
    ('en', ARRAY['damaged', 'broken', 'crushed', 'dented', 'smashed', 'destroyed', 'cracked']),
    ('en', ARRAY['track', 'tracking', 'trace', 'locate']),
    ('en', ARRAY['return', 'returns', 'returning']),
    ('en', ARRAY['refuse', 'reject', 'decline']),
    ('en', ARRAY['contact', 'reach', 'call', 'phone', 'talk', 'speak', 'hotline']),
    ('en', ARRAY['rate', 'rating', 'review', 'feedback']),
    ('en', ARRAY['account', 'login', 'profile']),
    ('en', ARRAY['change', 'modify', 'update', 'reschedule', 'redirect']),
    ('en', ARRAY['wrong', 'incorrect']),
    ('de', ARRAY['Paket', 'Sendung', 'Päckchen', 'Lieferung', 'Bestellung']),
    ('de', ARRAY['verloren', 'vermisst', 'verschwunden', 'fehlt']),
    ('de', ARRAY['verspätet', 'Verspätung', 'verzögert', 'spät']),
    ('de', ARRAY['beschädigt', 'kaputt', 'defekt', 'zerbrochen', 'Schaden']),
    ('de', ARRAY['verfolgen', 'Sendungsverfolgung', 'Tracking']),
    ('fr', ARRAY['colis', 'paquet', 'envoi', 'commande']),
    ('fr', ARRAY['perdu', 'disparu', 'manquant']),
    ('fr', ARRAY['endommagé', 'cassé', 'abîmé', 'écrasé']);
