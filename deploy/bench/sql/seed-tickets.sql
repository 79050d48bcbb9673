-- Tops the ticket table of ticket-service up to :target rows, with plain SQL (generate_series),
-- consistent with ticket-service's schema (V1__tickets.sql) and its rules:
--   * references come from ticket_reference_seq and are formatted as the service does
--     (String.format("SUP-%06d")), so tickets created later keep unique references;
--   * every ticket belongs to a real bench customer account (id, name, email from agent-service),
--     spread evenly, so each customer's own list grows with the table;
--   * status mix: 10 % OPEN (half of them unassigned = the agents' queue), 15 % IN_PROGRESS,
--     5 % ON_HOLD, 20 % RESOLVED, 50 % CLOSED; every non-OPEN ticket has an approved bench agent
--     as assignee and a first-response time; RESOLVED/CLOSED have resolved_at and
--     resolution_count 1; CLOSED have closed_at;
--   * creation times spread over the past year, older than anything the benchmark created;
--   * every non-OPEN ticket has a two-message conversation (the customer's question, the
--     assignee's public reply), message_seq set to match.
-- Historic rows get no outbox events (they stand for events published long ago).
-- Variable: :target (row count wanted).
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';

-- bench_customer and bench_agent (temp tables: id, name, email) are created and filled by the run
-- script just before this file, in the same session (\copy cannot take a psql variable).
CREATE TEMP TABLE bc AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, name, email FROM bench_customer;
CREATE TEMP TABLE ba AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM bench_agent;

SELECT count(*) AS existing, (SELECT count(*) FROM bc) AS nc, (SELECT count(*) FROM ba) AS na,
       COALESCE((SELECT min(created_at) FROM ticket), now()) AS oldest
FROM ticket \gset

SELECT greatest(:target - :existing, 0) AS missing \gset
\echo seeding :missing tickets (table has :existing, target :target)

-- Row triggers (ticket-service V2+ keeps each agent's open-ticket count, V3+ through a ledger; V9+
-- counts tickets per status, priority, category and assignee the same way) would fire once per
-- seeded ticket; they are off for this bulk insert and the counters are recomputed below exactly as
-- V2 and V9 do, with the ledgers emptied in the same transaction.
SET session_replication_role = replica;

INSERT INTO ticket (id, reference, subject, description, category, priority, status, customer_id,
                    customer_name, customer_email, delivery_id, assignee_id, assigned_at, resolution_count,
                    created_at, updated_at, first_response_at, resolved_at, closed_at, message_seq, version)
SELECT gen_random_uuid(),
       'SUP-' || lpad(s.ref::text, greatest(6, length(s.ref::text)), '0'),
       'Seeded parcel problem ' || s.g,
       'Seeded ticket ' || s.g || ': the parcel arrived late and the box was dented.',
       (ARRAY['DAMAGED', 'LOST', 'LATE', 'QUALITY', 'OTHER'])[1 + s.g % 5],
       (ARRAY['LOW', 'MEDIUM', 'MEDIUM', 'HIGH'])[1 + (s.g / 5) % 4],
       s.status,
       c.id, c.name, c.email,
       'DLV-' || (100000 + s.g % 900000),
       CASE WHEN s.unassigned THEN NULL ELSE a.id END,
       CASE WHEN s.unassigned THEN NULL ELSE s.created + interval '2 minutes' END,
       CASE WHEN s.status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END,
       s.created,
       s.created + interval '3 hours',
       CASE WHEN s.status = 'OPEN' THEN NULL ELSE s.created + interval '10 minutes' END,
       CASE WHEN s.status IN ('RESOLVED', 'CLOSED') THEN s.created + interval '2 hours' END,
       CASE WHEN s.status = 'CLOSED' THEN s.created + interval '3 hours' END,
       CASE WHEN s.status = 'OPEN' THEN 0 ELSE 2 END,
       0
FROM (
    SELECT g,
           nextval('ticket_reference_seq') AS ref,
           -- strictly older than every existing ticket, about 30 s apart
           :'oldest'::timestamptz - (g * interval '31 seconds') AS created,
           CASE WHEN g % 20 < 2 THEN 'OPEN' WHEN g % 20 < 5 THEN 'IN_PROGRESS' WHEN g % 20 < 6 THEN 'ON_HOLD'
                WHEN g % 20 < 10 THEN 'RESOLVED' ELSE 'CLOSED' END AS status,
           (g % 20 = 0) AS unassigned
    FROM generate_series(:existing + 1, :existing + :missing) AS g
) s
JOIN bc c ON c.i = s.g % :nc
JOIN ba a ON a.i = s.g % :na;

-- Every answered ticket has a short conversation (V6+): the customer's message and the agent's
-- public reply, so the message table grows with the ticket table. The new tickets are exactly those
-- older than the oldest ticket before this run.
INSERT INTO ticket_message (id, ticket_id, seq, author_id, author_name, author_role, visibility, channel, body,
                            created_at)
SELECT gen_random_uuid(), t.id, m.seq,
       CASE m.seq WHEN 1 THEN t.customer_id ELSE t.assignee_id END,
       CASE m.seq WHEN 1 THEN t.customer_name ELSE ag.name END,
       CASE m.seq WHEN 1 THEN 'CUSTOMER' ELSE 'AGENT' END,
       'PUBLIC', 'WEB',
       CASE m.seq WHEN 1 THEN 'Seeded question: the parcel is late, where is it?'
                  ELSE 'Seeded reply: the carrier confirms delivery within two days.' END,
       CASE m.seq WHEN 1 THEN t.created_at + interval '1 minute' ELSE t.first_response_at END
FROM ticket t
JOIN bench_agent ag ON ag.id = t.assignee_id
CROSS JOIN (VALUES (1), (2)) AS m (seq)
WHERE t.created_at < :'oldest'::timestamptz AND t.message_seq = 2;

SET session_replication_role = DEFAULT;
SELECT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_name = 'agent' AND column_name = 'open_tickets') AS has_load_counters \gset
SELECT to_regclass('agent_load_change') IS NOT NULL AS has_load_ledger \gset
\if :has_load_counters
BEGIN;
-- V3+: the recount below includes every change still waiting in the ledger
\if :has_load_ledger
DELETE FROM agent_load_change;
\endif
UPDATE agent a
   SET open_tickets = (SELECT count(*) FROM ticket t
                        WHERE t.assignee_id = a.id AND t.status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD')),
       last_assigned_at = (SELECT max(t.assigned_at) FROM ticket t WHERE t.assignee_id = a.id);
COMMIT;
\endif

-- V9+: the ticket counters, recounted by ticket-service's own function
SELECT to_regproc('ticket_count_recount') IS NOT NULL AS has_ticket_counts \gset
\if :has_ticket_counts
SELECT ticket_count_recount();
\endif

-- What autovacuum would have done to a table that grew over a year: statistics and the visibility map.
VACUUM (ANALYZE) ticket;
VACUUM (ANALYZE) ticket_message;
SELECT count(*) AS tickets, count(*) FILTER (WHERE status = 'OPEN' AND assignee_id IS NULL) AS queue
FROM ticket;
