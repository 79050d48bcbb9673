-- Report facts (ticket-service V15) for the seeded tickets. seed-tickets.sql writes tickets with the
-- row triggers off, so the facts are written here from the tickets — the same ids, creation times,
-- categories, priorities and assignees, spread over the past year — with times spread the way a
-- helpdesk's are instead of the seed's fixed ones (first response 1 minute to 18 hours, resolution
-- 1 hour to 6 days, business time a third of it, 85 % of the clocks MET, 30 % rated, 5 % of the done
-- tickets resolved once before and reopened), so each bucket's percentiles sort real spreads.
-- Only the reports read these tables; the tickets are left as they are.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SELECT setseed(0.2);

BEGIN;
-- the TRUNCATE forgets every stored report bucket (V19), so the rows need not forget theirs one by one
TRUNCATE report_ticket, report_resolution;
ALTER TABLE report_ticket DISABLE TRIGGER report_ticket_forget_ins;
ALTER TABLE report_resolution DISABLE TRIGGER report_resolution_forget_ins;

INSERT INTO report_ticket (ticket_id, created_at, category, priority, assignee_id, first_response_at,
                           first_response_seconds, first_response_business_seconds)
SELECT id, created_at, category, priority, assignee_id,
       CASE WHEN first_response_at IS NOT NULL THEN created_at + fr * interval '1 second' END,
       CASE WHEN first_response_at IS NOT NULL THEN fr END,
       CASE WHEN first_response_at IS NOT NULL THEN fr / 3 END
  FROM (SELECT t.*, (60 * exp(random() * 6.9))::integer AS fr FROM ticket t) x;

INSERT INTO report_resolution (ticket_id, resolution, resolved_at, reopened_at, category, priority, assignee_id,
                               resolution_seconds, resolution_business_seconds, sla_met, csat)
SELECT id, n, created_at + res * interval '1 second' * share,
       CASE WHEN n = 0 THEN created_at + res * interval '1 second' * 0.6 END,
       category, priority, assignee_id, (res * share)::integer, (res * share / 3)::integer,
       random() < 0.85, CASE WHEN n = 1 AND random() < 0.3 THEN 1 + floor(random() * 5)::smallint END
  FROM (SELECT t.*, (3600 * exp(random() * 5))::integer AS res, random() < 0.05 AS reopened
          FROM ticket t WHERE status IN ('RESOLVED', 'CLOSED')) x
  CROSS JOIN LATERAL (VALUES (1, 1.0), (0, 0.5)) AS r(n, share)
 WHERE n = 1 OR reopened;
ALTER TABLE report_ticket ENABLE TRIGGER report_ticket_forget_ins;
ALTER TABLE report_resolution ENABLE TRIGGER report_resolution_forget_ins;
COMMIT;

-- index-only scans need the visibility map
VACUUM ANALYZE report_ticket;
VACUUM ANALYZE report_resolution;
SELECT (SELECT count(*) FROM report_ticket) AS tickets, (SELECT count(*) FROM report_resolution) AS resolutions,
       (SELECT pg_total_relation_size('report_ticket') + pg_total_relation_size('report_resolution')) / 1048576 AS mib;
