-- SLA clocks on business hours (package sla/). A policy is a versioned row that is never changed:
-- a PUT adds the next version, and every ticket keeps the version it was created under.
CREATE TABLE sla_policy (
    version     integer      PRIMARY KEY,
    policy      jsonb        NOT NULL,   -- {timeZone, businessHours, holidays, targets} (SlaPolicy)
    created_at  timestamptz  NOT NULL,
    created_by  uuid
);

-- the default: Mon–Fri 09:00–17:00 Europe/Berlin, no holidays
INSERT INTO sla_policy (version, policy, created_at) VALUES (1, '{
  "timeZone": "Europe/Berlin",
  "businessHours": [
    {"day": "MONDAY", "start": "09:00", "end": "17:00"},
    {"day": "TUESDAY", "start": "09:00", "end": "17:00"},
    {"day": "WEDNESDAY", "start": "09:00", "end": "17:00"},
    {"day": "THURSDAY", "start": "09:00", "end": "17:00"},
    {"day": "FRIDAY", "start": "09:00", "end": "17:00"}],
  "holidays": [],
  "targets": {
    "HIGH": {"firstResponseMinutes": 60, "resolutionMinutes": 480},
    "MEDIUM": {"firstResponseMinutes": 240, "resolutionMinutes": 1440},
    "LOW": {"firstResponseMinutes": 480, "resolutionMinutes": 2400}}}', now());

-- Each ticket's two clocks (fr = first response, res = resolution): status RUNNING|PAUSED|MET|BREACHED,
-- business milliseconds used before `since` (the start of the current run, RUNNING only), and the due
-- instant (kept when the clock stops). Tickets older than this migration have no clocks (all NULL).
-- sla_due_at: the nearest due of a RUNNING clock (sort=slaDue); sla_next_check_at: when the SLA job
-- must look at the row next (NULL: nothing left to announce); sla_fired: the events already written
-- (1 first-response warning, 2 first-response breach, 4 resolution warning, 8 resolution breach).
-- Only plain SQL writes these columns, always under the ticket's row lock.
ALTER TABLE ticket
    ADD COLUMN sla_policy_version integer REFERENCES sla_policy (version),
    ADD COLUMN sla_fr_status      varchar(8) CHECK (sla_fr_status IN ('RUNNING', 'PAUSED', 'MET', 'BREACHED')),
    ADD COLUMN sla_fr_used_ms     bigint,
    ADD COLUMN sla_fr_since       timestamptz,
    ADD COLUMN sla_fr_due_at      timestamptz,
    ADD COLUMN sla_res_status     varchar(8) CHECK (sla_res_status IN ('RUNNING', 'PAUSED', 'MET', 'BREACHED')),
    ADD COLUMN sla_res_used_ms    bigint,
    ADD COLUMN sla_res_since      timestamptz,
    ADD COLUMN sla_res_due_at     timestamptz,
    ADD COLUMN sla_due_at         timestamptz,
    ADD COLUMN sla_next_check_at  timestamptz,
    ADD COLUMN sla_fired          smallint NOT NULL DEFAULT 0;

-- the SLA job claims `sla_next_check_at <= now` oldest first (FOR UPDATE SKIP LOCKED); only rows
-- with something left to announce are in the index
CREATE INDEX ticket_sla_next_check_idx ON ticket (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL;
-- sort=slaDue: the admin list (unfiltered) and an agent's own tickets, nearest due first, nulls last,
-- then the lists' default order
CREATE INDEX ticket_sla_due_idx ON ticket (sla_due_at ASC NULLS LAST, created_at DESC, id DESC);
CREATE INDEX ticket_assignee_sla_due_idx ON ticket (assignee_id, sla_due_at ASC NULLS LAST, created_at DESC, id DESC);
