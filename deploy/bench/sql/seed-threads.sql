-- Long conversations for the "read a thread" scenario: :threads IN_PROGRESS tickets seeded by
-- seed-tickets.sql (two messages each) grow to :messages messages, alternating customer and agent,
-- every tenth an agent's INTERNAL note, one minute apart; message_seq follows, as the service
-- keeps it. The tickets are the newest seeded IN_PROGRESS ones that still have two messages.
-- Variables: :threads, :messages.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
BEGIN;
CREATE TEMP TABLE thread ON COMMIT DROP AS
SELECT t.id, t.customer_id, t.customer_name, t.assignee_id, t.created_at, ag.name AS agent_name
FROM ticket t JOIN bench_agent ag ON ag.id = t.assignee_id
WHERE t.status = 'IN_PROGRESS' AND t.message_seq = 2
ORDER BY t.created_at DESC
LIMIT :threads;

INSERT INTO ticket_message (id, ticket_id, seq, author_id, author_name, author_role, visibility, channel, body,
                            created_at)
SELECT gen_random_uuid(), th.id, n,
       CASE WHEN n % 2 = 1 AND n % 10 <> 0 THEN th.customer_id ELSE th.assignee_id END,
       CASE WHEN n % 2 = 1 AND n % 10 <> 0 THEN th.customer_name ELSE th.agent_name END,
       CASE WHEN n % 2 = 1 AND n % 10 <> 0 THEN 'CUSTOMER' ELSE 'AGENT' END,
       CASE WHEN n % 10 = 0 THEN 'INTERNAL' ELSE 'PUBLIC' END,
       'WEB',
       'Seeded thread message ' || n || ': the parcel was scanned at the depot, the customer asks for '
           || 'a new delivery slot and a photo of the label; the agent checks with the carrier.',
       th.created_at + n * interval '1 minute'
FROM thread th CROSS JOIN generate_series(3, :messages) AS n;

UPDATE ticket t SET message_seq = :messages FROM thread th WHERE t.id = th.id;
COMMIT;
ANALYZE ticket_message;
SELECT count(*) AS threads FROM ticket WHERE message_seq = :messages;
