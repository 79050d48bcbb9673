-- SLA clocks for the seeded tickets (the seed writes tickets as they were before SLA existed, with
-- no clocks): a round-the-clock policy with the same targets for every priority, so what is due does
-- not depend on the weekday the benchmark runs on. Every unresolved ticket gets running clocks; the
-- first :due of them that nobody has answered yet started 50 minutes ago, so their first-response
-- warning (80 % of 60 minutes) is due now; all others come due over the next day. The SLA job's next
-- pass then claims exactly those :due tickets among all the unresolved ones in its schedule (ticket_sla_check).
INSERT INTO sla_policy (version, policy, created_at)
SELECT max(version) + 1, '{
  "timeZone": "UTC",
  "businessHours": [
    {"day": "MONDAY", "start": "00:00", "end": "24:00"}, {"day": "TUESDAY", "start": "00:00", "end": "24:00"},
    {"day": "WEDNESDAY", "start": "00:00", "end": "24:00"}, {"day": "THURSDAY", "start": "00:00", "end": "24:00"},
    {"day": "FRIDAY", "start": "00:00", "end": "24:00"}, {"day": "SATURDAY", "start": "00:00", "end": "24:00"},
    {"day": "SUNDAY", "start": "00:00", "end": "24:00"}],
  "holidays": [],
  "targets": {
    "HIGH": {"firstResponseMinutes": 60, "resolutionMinutes": 480},
    "MEDIUM": {"firstResponseMinutes": 60, "resolutionMinutes": 480},
    "LOW": {"firstResponseMinutes": 60, "resolutionMinutes": 480}}}', now()
  FROM sla_policy;

WITH unresolved AS (
    SELECT id, status, first_response_at,
           row_number() OVER (ORDER BY first_response_at IS NOT NULL, id) AS n
      FROM ticket WHERE status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD')),
clocks AS (
    SELECT id, status, first_response_at,
           CASE WHEN n <= :due THEN now() - interval '50 minutes'
                ELSE now() - interval '40 minutes' + (n % 1440) * interval '1 minute' END AS since
      FROM unresolved)
UPDATE ticket t
   SET sla_policy_version = (SELECT max(version) FROM sla_policy),
       sla_fr_status   = CASE WHEN c.first_response_at IS NULL THEN 'RUNNING' ELSE 'MET' END,
       sla_fr_used_ms  = CASE WHEN c.first_response_at IS NULL THEN 0 ELSE 600000 END,
       sla_fr_since    = CASE WHEN c.first_response_at IS NULL THEN c.since END,
       sla_fr_due_at   = c.since + interval '60 minutes',
       sla_res_status  = CASE WHEN c.status = 'ON_HOLD' THEN 'PAUSED' ELSE 'RUNNING' END,
       sla_res_used_ms = 0,
       sla_res_since   = CASE WHEN c.status = 'ON_HOLD' THEN NULL ELSE c.since END,
       sla_res_due_at  = CASE WHEN c.status = 'ON_HOLD' THEN NULL ELSE c.since + interval '480 minutes' END,
       sla_due_at      = CASE WHEN c.first_response_at IS NULL THEN c.since + interval '60 minutes'
                              WHEN c.status = 'ON_HOLD' THEN NULL ELSE c.since + interval '480 minutes' END,
       sla_next_check_at = CASE WHEN c.first_response_at IS NULL THEN c.since + interval '48 minutes'
                                WHEN c.status = 'ON_HOLD' THEN NULL ELSE c.since + interval '384 minutes' END,
       sla_fired = 0
  FROM clocks c
 WHERE t.id = c.id;
ANALYZE ticket;
