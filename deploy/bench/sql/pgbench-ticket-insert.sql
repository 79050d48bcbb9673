-- pgbench: the database work of one ticket creation, without the services: in one transaction,
-- the ticket row (ticket-service's own table with all its indexes) and its outbox event row.
\set n random(1, 1000000000)
BEGIN;
INSERT INTO ticket (id, reference, subject, description, category, priority, status, customer_id,
                    customer_name, customer_email, delivery_id, created_at, updated_at, version)
VALUES (gen_random_uuid(), 'SUP-' || lpad(nextval('ticket_reference_seq')::text, 6, '0'),
        'Bench parcel problem ' || :n, 'Load test ticket: the parcel arrived late and the box was dented.',
        'LATE', 'MEDIUM', 'OPEN', gen_random_uuid(), 'Bench Customer', 'bench@example.com', 'DLV-' || :n,
        now(), now(), 0);
INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
VALUES (gen_random_uuid(), 'ticket', :n::text, 'com.logishift.support.ticket.created.v1',
        '{"ticketId":"' || :n || '","subject":"Bench parcel problem","status":"OPEN"}', now());
END;
