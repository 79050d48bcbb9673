-- Issue 20: reports (package report/). Exact medians and p90 need the individual times, so the
-- reports read narrow fact rows instead of the ticket table: one row per ticket (creation, first
-- response) and one per resolution (a move from an unresolved status to RESOLVED or CLOSED), kept by
-- triggers in the transaction of every change — whichever code path makes it (web, e-mail, merge,
-- the SLA job) — so the facts can never disagree with the tickets.
--
-- Every fact carries the ticket's CURRENT category, priority and assignee (as the helpdesks' own
-- reports group by the current assignee): a change of those columns is copied to the ticket's few
-- fact rows, so a backlog summed per group always adds up.
--
-- Times are whole seconds: wall clock from the ticket's creation; business time is what the ticket's
-- SLA clock counted (sla/BusinessCalendar on the ticket's policy version): for the first response
-- the clock's time when it stopped (it never pauses), for a resolution the resolution clock's time
-- when it stopped (time ON_HOLD not counted). Tickets without clocks (created before V8) have none.
CREATE TABLE report_ticket (
    ticket_id                       uuid        PRIMARY KEY,
    created_at                      timestamptz NOT NULL,
    category                        varchar(16) NOT NULL,
    priority                        varchar(8)  NOT NULL,
    assignee_id                     uuid,
    first_response_at               timestamptz,
    first_response_seconds          integer,
    first_response_business_seconds integer
);

CREATE TABLE report_resolution (
    id                          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id                   uuid        NOT NULL,
    resolution                  integer     NOT NULL,  -- ticket.resolution_count then (= ticket_feedback.resolution)
    resolved_at                 timestamptz NOT NULL,
    reopened_at                 timestamptz,           -- when the ticket went back to work (null: never)
    category                    varchar(16) NOT NULL,
    priority                    varchar(8)  NOT NULL,
    assignee_id                 uuid,
    resolution_seconds          integer,
    resolution_business_seconds integer,
    sla_met                     boolean,               -- the resolution clock stopped MET / BREACHED; null: no clock stopped
    csat                        smallint               -- the rating given for this resolution
);

-- A report scans one time range of one column: each index holds what its query reads, so a year of
-- a million tickets is an index-only range scan.
CREATE INDEX report_ticket_created_idx ON report_ticket (created_at) INCLUDE (category, priority, assignee_id);
CREATE INDEX report_ticket_first_response_idx ON report_ticket (first_response_at)
    INCLUDE (first_response_seconds, first_response_business_seconds, category, priority, assignee_id)
    WHERE first_response_at IS NOT NULL;
CREATE INDEX report_resolution_resolved_idx ON report_resolution (resolved_at)
    INCLUDE (resolution_seconds, resolution_business_seconds, sla_met, csat, reopened_at, category, priority, assignee_id);
CREATE INDEX report_resolution_reopened_idx ON report_resolution (reopened_at) INCLUDE (category, priority, assignee_id)
    WHERE reopened_at IS NOT NULL;
CREATE INDEX report_resolution_ticket_idx ON report_resolution (ticket_id, id);

CREATE FUNCTION report_seconds(from_at timestamptz, to_at timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT round(extract(epoch FROM to_at - from_at))::integer $$;

-- the stopped clock's business seconds, or null while it runs (or when the ticket has none)
CREATE FUNCTION report_clock_seconds(clock_status varchar, used_ms bigint) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN clock_status IN ('MET', 'BREACHED') THEN (used_ms / 1000)::integer END $$;

CREATE FUNCTION report_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_done boolean;
    is_done  boolean := NEW.status IN ('RESOLVED', 'CLOSED');
    clock_stopped boolean := NEW.sla_res_status IN ('MET', 'BREACHED');
BEGIN
    IF TG_OP = 'INSERT' THEN
        was_done := false;
        INSERT INTO report_ticket VALUES (NEW.id, NEW.created_at, NEW.category, NEW.priority, NEW.assignee_id,
            NEW.first_response_at, report_seconds(NEW.created_at, NEW.first_response_at),
            report_clock_seconds(NEW.sla_fr_status, NEW.sla_fr_used_ms));
    ELSE
        was_done := OLD.status IN ('RESOLVED', 'CLOSED');
        UPDATE report_ticket SET created_at = NEW.created_at, category = NEW.category, priority = NEW.priority,
               assignee_id = NEW.assignee_id, first_response_at = NEW.first_response_at,
               first_response_seconds = report_seconds(NEW.created_at, NEW.first_response_at),
               first_response_business_seconds = report_clock_seconds(NEW.sla_fr_status, NEW.sla_fr_used_ms)
         WHERE ticket_id = NEW.id;
        IF (OLD.category, OLD.priority, OLD.assignee_id) IS DISTINCT FROM (NEW.category, NEW.priority, NEW.assignee_id) THEN
            UPDATE report_resolution SET category = NEW.category, priority = NEW.priority, assignee_id = NEW.assignee_id
             WHERE ticket_id = NEW.id;
        END IF;
    END IF;

    IF is_done AND NOT was_done THEN
        -- a resolution (or a close straight from work); its clock may stop in this statement or the next
        INSERT INTO report_resolution (ticket_id, resolution, resolved_at, category, priority, assignee_id,
                resolution_seconds, resolution_business_seconds, sla_met)
        VALUES (NEW.id, NEW.resolution_count, COALESCE(NEW.resolved_at, NEW.closed_at, NEW.updated_at),
                NEW.category, NEW.priority, NEW.assignee_id,
                report_seconds(NEW.created_at, COALESCE(NEW.resolved_at, NEW.closed_at, NEW.updated_at)),
                CASE WHEN clock_stopped THEN report_clock_seconds(NEW.sla_res_status, NEW.sla_res_used_ms) END,
                CASE WHEN clock_stopped THEN NEW.sla_res_status = 'MET' END);
    ELSIF was_done AND NOT is_done THEN
        UPDATE report_resolution SET reopened_at = COALESCE(NEW.updated_at, now())
         WHERE ticket_id = NEW.id AND reopened_at IS NULL;
    ELSIF is_done THEN
        -- still done: the resolution clock stopping in a statement after the status change, or a
        -- corrected resolution time
        IF clock_stopped AND OLD.sla_res_status IS DISTINCT FROM NEW.sla_res_status THEN
            UPDATE report_resolution
               SET sla_met = NEW.sla_res_status = 'MET',
                   resolution_business_seconds = report_clock_seconds(NEW.sla_res_status, NEW.sla_res_used_ms)
             WHERE ticket_id = NEW.id AND reopened_at IS NULL;
        END IF;
        IF NEW.resolved_at IS NOT NULL AND OLD.resolved_at IS DISTINCT FROM NEW.resolved_at THEN
            UPDATE report_resolution
               SET resolved_at = NEW.resolved_at, resolution_seconds = report_seconds(NEW.created_at, NEW.resolved_at)
             WHERE ticket_id = NEW.id AND reopened_at IS NULL;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER report_facts_ins AFTER INSERT ON ticket FOR EACH ROW EXECUTE FUNCTION report_facts();
CREATE TRIGGER report_facts_upd
    AFTER UPDATE OF status, priority, category, assignee_id, first_response_at, resolved_at, created_at,
                    sla_fr_status, sla_res_status ON ticket
    FOR EACH ROW WHEN ((OLD.status, OLD.priority, OLD.category, OLD.assignee_id, OLD.first_response_at,
                        OLD.resolved_at, OLD.created_at, OLD.sla_fr_status, OLD.sla_res_status)
                       IS DISTINCT FROM
                       (NEW.status, NEW.priority, NEW.category, NEW.assignee_id, NEW.first_response_at,
                        NEW.resolved_at, NEW.created_at, NEW.sla_fr_status, NEW.sla_res_status))
    EXECUTE FUNCTION report_facts();

CREATE FUNCTION report_facts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM report_ticket WHERE ticket_id = OLD.id;
    DELETE FROM report_resolution WHERE ticket_id = OLD.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER report_facts_del AFTER DELETE ON ticket FOR EACH ROW EXECUTE FUNCTION report_facts_delete();

CREATE FUNCTION report_facts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE report_ticket, report_resolution;
    RETURN NULL;
END
$$;
CREATE TRIGGER report_facts_truncate AFTER TRUNCATE ON ticket FOR EACH STATEMENT EXECUTE FUNCTION report_facts_truncate();

-- a rating belongs to one resolution of its ticket
CREATE FUNCTION report_csat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE report_resolution SET csat = NEW.rating WHERE ticket_id = NEW.ticket_id AND resolution = NEW.resolution;
    RETURN NULL;
END
$$;
CREATE TRIGGER report_csat_ins AFTER INSERT ON ticket_feedback FOR EACH ROW EXECUTE FUNCTION report_csat();

-- The tickets that exist now: their current state (earlier resolutions of reopened tickets are not
-- recorded anywhere, so each done ticket gets its latest one).
INSERT INTO report_ticket
SELECT id, created_at, category, priority, assignee_id, first_response_at,
       report_seconds(created_at, first_response_at), report_clock_seconds(sla_fr_status, sla_fr_used_ms)
  FROM ticket;
INSERT INTO report_resolution (ticket_id, resolution, resolved_at, category, priority, assignee_id,
        resolution_seconds, resolution_business_seconds, sla_met, csat)
SELECT t.id, t.resolution_count, COALESCE(t.resolved_at, t.closed_at, t.updated_at), t.category, t.priority,
       t.assignee_id, report_seconds(t.created_at, COALESCE(t.resolved_at, t.closed_at, t.updated_at)),
       report_clock_seconds(t.sla_res_status, t.sla_res_used_ms),
       CASE WHEN t.sla_res_status IN ('MET', 'BREACHED') THEN t.sla_res_status = 'MET' END,
       (SELECT f.rating FROM ticket_feedback f WHERE f.ticket_id = t.id AND f.resolution = t.resolution_count)
  FROM ticket t
 WHERE t.status IN ('RESOLVED', 'CLOSED');
