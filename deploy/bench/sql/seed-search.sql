-- The search corpus: the tickets seed-tickets.sql made all say the same words, so this gives them
-- (and their messages) words a search can tell apart, then tops the message table up to :messages rows.
--   * every ticket and message carries one "lot word" lot0000..lot9999 (a ticket's lot is
--     hashed from its reference): a selective query (`lot4711`) finds ~:target/10,000 tickets;
--   * half of the tickets (and their messages) say "parcel", the other half "shipment": the worst
--     case, a word in half of all tickets;
--   * every tenth added message is an INTERNAL note (searchable by staff only).
-- Variables: :messages (message rows wanted in all). The generated search documents (V12) follow the
-- rows by themselves; the seed only writes text.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';

-- the lot and the half of a ticket, from its reference (stable however often this runs)
CREATE TEMP TABLE search_word AS
SELECT id, 'lot' || lpad((abs(hashtext(reference)) % 10000)::text, 4, '0') AS lot,
       CASE WHEN abs(hashtext(reference || '#')) % 2 = 0 THEN 'parcel' ELSE 'shipment' END AS half
  FROM ticket
 WHERE subject LIKE 'Seeded parcel problem %';

UPDATE ticket t
   SET subject = 'Seeded ' || w.half || ' problem ' || w.lot,
       description = 'Seeded ticket ' || t.reference || ': the ' || w.half || ' of ' || w.lot
           || ' arrived late and the box was dented; the customer asks for a refund.'
  FROM search_word w
 WHERE w.id = t.id;

-- more conversation on the seeded tickets, round-robin, until the table holds :messages rows
SELECT greatest(:messages - (SELECT count(*) FROM ticket_message), 0) AS missing_messages \gset
\echo seeding :missing_messages messages
CREATE TEMP TABLE search_target AS
SELECT row_number() OVER (ORDER BY t.id) - 1 AS i, t.id, t.customer_id, t.customer_name, t.message_seq,
       t.created_at, w.lot, w.half
  FROM ticket t JOIN search_word w ON w.id = t.id;
SELECT count(*) AS targets FROM search_target \gset

INSERT INTO ticket_message (id, ticket_id, seq, author_id, author_name, author_role, visibility, channel, body,
                            created_at)
SELECT gen_random_uuid(), st.id, st.message_seq + 1 + g / :targets, st.customer_id, st.customer_name,
       CASE WHEN g % 10 = 9 THEN 'AGENT' ELSE 'CUSTOMER' END,
       CASE WHEN g % 10 = 9 THEN 'INTERNAL' ELSE 'PUBLIC' END, 'WEB',
       CASE WHEN g % 10 = 9 THEN 'Internal note on ' || st.lot || ': carrier claim filed for the ' || st.half || '.'
            ELSE 'Any news about the ' || st.half || ' ' || st.lot || '? The tracking page still shows it at the depot.' END,
       st.created_at + (g / :targets + 5) * interval '1 minute'
  FROM generate_series(0, :missing_messages - 1) AS g
  JOIN search_target st ON st.i = g % :targets;

UPDATE ticket t SET message_seq = m.n
  FROM (SELECT ticket_id, max(seq) AS n FROM ticket_message GROUP BY ticket_id) m
 WHERE m.ticket_id = t.id AND t.message_seq < m.n;

VACUUM (ANALYZE) ticket;
VACUUM (ANALYZE) ticket_message;
SELECT (SELECT count(*) FROM ticket) AS tickets, (SELECT count(*) FROM ticket_message) AS messages,
       (SELECT lot FROM search_word ORDER BY id LIMIT 1) AS sample_lot;
