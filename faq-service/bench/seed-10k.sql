-- 10,000 synthetic published FAQ entries for the search benchmark (bench/search-latency.sh).
-- 5,000 topics: all in English, 3,000 also in German, 2,000 also in French. Each text mixes 40 real
-- logistics words per language with 4,000 rarer synthetic ones, so that documents differ and the
-- index has a realistic size. psql variable common_share (0..1) is the share of real words: it
-- decides how many entries a search like "damage" matches, which is what ranking costs
-- (0.08: a word is in ~20 % of the entries; 0.25: in ~50 %, a stress case).
-- Deterministic for a given common_share: the same rows on every run.
SELECT setseed(0.42);

CREATE TEMP TABLE vocab (language text, common text[], share float8);
INSERT INTO vocab (language, common) VALUES
('en', ARRAY['parcel','package','packages','delivery','deliveries','damaged','damage','broken','lost','late',
             'delayed','tracking','shipment','return','refund','driver','address','depot','label','courier',
             'customer','support','ticket','claim','insurance','pickup','warehouse','pallet','freight','customs',
             'invoice','weight','box','fragile','missing','signature','neighbour','schedule','express','standard']),
('de', ARRAY['Paket','Pakete','Lieferung','Lieferungen','beschädigt','Schaden','kaputt','verloren','verspätet',
             'Verspätung','Sendungsverfolgung','Sendung','Rücksendung','Erstattung','Fahrer','Adresse','Depot',
             'Etikett','Kurier','Kunde','Support','Ticket','Reklamation','Versicherung','Abholung','Lager',
             'Palette','Fracht','Zoll','Rechnung','Gewicht','Karton','zerbrechlich','fehlt','Unterschrift',
             'Nachbar','Termin','Express','Standard','Zustellung']),
('fr', ARRAY['colis','paquet','paquets','livraison','livraisons','endommagé','dommage','cassé','perdu','retard',
             'retardé','suivi','envoi','retour','remboursement','chauffeur','adresse','dépôt','étiquette',
             'coursier','client','support','ticket','réclamation','assurance','enlèvement','entrepôt','palette',
             'fret','douane','facture','poids','carton','fragile','manquant','signature','voisin','créneau',
             'express','standard']);
UPDATE vocab SET share = :common_share;

-- n words: the common_share of them real logistics words, the rest from 4,000 synthetic words
CREATE FUNCTION pg_temp.bench_text(lang text, n int) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(CASE WHEN random() < v.share
                           THEN v.common[1 + floor(random() * 40)::int]
                           ELSE 'w' || lang || (1 + floor(random() * 4000)::int)::text END, ' ')
    FROM vocab v CROSS JOIN generate_series(1, n)
    WHERE v.language = lang
$$;

INSERT INTO faq_entry (id, topic_key, language, category, sort_order, published, created_at, updated_at, question, answer)
SELECT gen_random_uuid(), 'bench-' || t, l.language,
       (ARRAY['DAMAGED','LOST','LATE','QUALITY','OTHER','SHIPPING','RETURNS','ACCOUNT','SUPPORT'])[1 + t % 9],
       1000 + t, true, now(), now(),
       pg_temp.bench_text(l.language, 6 + floor(random() * 8)::int) || '?',
       pg_temp.bench_text(l.language, 60 + floor(random() * 120)::int) || '.'
FROM generate_series(1, 5000) AS t
JOIN (VALUES ('en', 5000), ('de', 3000), ('fr', 2000)) AS l(language, topics) ON t <= l.topics;

-- what autovacuum would have done by now (10,000 inserts pass its insert threshold): statistics and
-- the visibility map that lets browsing use index-only scans
VACUUM (ANALYZE) faq_entry;
SELECT language, count(*) AS entries FROM faq_entry GROUP BY language ORDER BY language;
