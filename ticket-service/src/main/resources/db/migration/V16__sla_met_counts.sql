-- The stats' slaMetPercent counted MET and BREACHED resolution clocks over the whole ticket table
-- (a sequential scan: 1,000,000 tickets, hundreds of ms). The ticket counters of V9 already have
-- priority as a dimension: they now also count, per key, the tickets whose resolution clock stopped
-- MET or BREACHED, kept by the same trigger + ledger in the transaction that stops, resumes or
-- merges away a clock, folded by the same statement (service/TicketCounts). A ticket merged into
-- another (merged_into_id, V11) has stopped clocks that do not count.
ALTER TABLE ticket_count
    ADD COLUMN sla_met      bigint NOT NULL DEFAULT 0,
    ADD COLUMN sla_breached bigint NOT NULL DEFAULT 0;
ALTER TABLE ticket_count_change
    ADD COLUMN sla_met      integer NOT NULL DEFAULT 0,
    ADD COLUMN sla_breached integer NOT NULL DEFAULT 0;

-- The resolution clock's counted outcome: MET, BREACHED, or NULL (running, paused, no clock, merged away).
CREATE FUNCTION ticket_sla_outcome(sla_res_status varchar, merged_into_id uuid) RETURNS varchar
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN merged_into_id IS NULL AND sla_res_status IN ('MET', 'BREACHED') THEN sla_res_status END;

CREATE OR REPLACE FUNCTION ticket_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the old row leaves its key, the new one joins its key: one ticket, and its times and SLA outcome
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO ticket_count_change
        VALUES (OLD.status, OLD.priority, OLD.category, OLD.assignee_id, -1,
                -(OLD.first_response_at IS NOT NULL)::int, -COALESCE(extract(epoch FROM OLD.first_response_at - OLD.created_at), 0),
                -(OLD.resolved_at IS NOT NULL)::int, -COALESCE(extract(epoch FROM OLD.resolved_at - OLD.created_at), 0),
                -(ticket_sla_outcome(OLD.sla_res_status, OLD.merged_into_id) IS NOT DISTINCT FROM 'MET')::int,
                -(ticket_sla_outcome(OLD.sla_res_status, OLD.merged_into_id) IS NOT DISTINCT FROM 'BREACHED')::int);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO ticket_count_change
        VALUES (NEW.status, NEW.priority, NEW.category, NEW.assignee_id, 1,
                (NEW.first_response_at IS NOT NULL)::int, COALESCE(extract(epoch FROM NEW.first_response_at - NEW.created_at), 0),
                (NEW.resolved_at IS NOT NULL)::int, COALESCE(extract(epoch FROM NEW.resolved_at - NEW.created_at), 0),
                (ticket_sla_outcome(NEW.sla_res_status, NEW.merged_into_id) IS NOT DISTINCT FROM 'MET')::int,
                (ticket_sla_outcome(NEW.sla_res_status, NEW.merged_into_id) IS NOT DISTINCT FROM 'BREACHED')::int);
    END IF;
    RETURN NULL;
END
$$;

-- An update fires when a counted column changes; for the SLA only when the counted outcome does (a
-- clock that starts, pauses or resumes without having stopped appends nothing, so neither does the
-- SLA job nor the benchmark's seeding of running clocks).
DROP TRIGGER ticket_count_upd ON ticket;
CREATE TRIGGER ticket_count_upd
    AFTER UPDATE OF status, priority, category, assignee_id, first_response_at, resolved_at, created_at,
                    sla_res_status, merged_into_id ON ticket
    FOR EACH ROW WHEN ((OLD.status, OLD.priority, OLD.category, OLD.assignee_id, OLD.first_response_at,
                        OLD.resolved_at, OLD.created_at, ticket_sla_outcome(OLD.sla_res_status, OLD.merged_into_id))
                       IS DISTINCT FROM
                       (NEW.status, NEW.priority, NEW.category, NEW.assignee_id, NEW.first_response_at,
                        NEW.resolved_at, NEW.created_at, ticket_sla_outcome(NEW.sla_res_status, NEW.merged_into_id)))
    EXECUTE FUNCTION ticket_count_change();

-- The recount of V9 (which leaves the new columns at 0), then the stopped clocks per key, under
-- the same lock on the tickets (taken by V9's function, held to the end of the transaction).
ALTER FUNCTION ticket_count_recount() RENAME TO ticket_count_recount_v9;
CREATE FUNCTION ticket_count_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_count_recount_v9();
    UPDATE ticket_count c SET sla_met = s.met, sla_breached = s.breached
      FROM (SELECT status, priority, category, assignee_id,
                   count(*) FILTER (WHERE ticket_sla_outcome(sla_res_status, merged_into_id) = 'MET') AS met,
                   count(*) FILTER (WHERE ticket_sla_outcome(sla_res_status, merged_into_id) = 'BREACHED') AS breached
              FROM ticket GROUP BY status, priority, category, assignee_id) s
     WHERE (c.status, c.priority, c.category, c.assignee_id) IS NOT DISTINCT FROM
           (s.status, s.priority, s.category, s.assignee_id);
END
$$;

-- the back-fill (the trigger above already counts every change committed after this)
SELECT ticket_count_recount();

-- The SLA job's schedule moves out of the ticket row's indexes. The job rewrites sla_fired,
-- timeline_seq and sla_next_check_at of every ticket it alerts; with sla_next_check_at indexed on
-- the ticket table (ticket_sla_next_check_idx) each such update was a non-HOT update that added an
-- entry to every one of the ticket table's indexes, about 1 ms of the server's time per alert at
-- 1,000,000 tickets. The column stays in the row (its writers and readers do not change); this
-- narrow table mirrors the rows that have one, kept by triggers in the writing transaction (always
-- under the ticket's row lock), and is what the job's claim walks. The ticket update then changes no
-- indexed column and can stay on its page (HOT).
CREATE TABLE ticket_sla_check (
    ticket_id     uuid        PRIMARY KEY,   -- no foreign key: TRUNCATE ticket empties it by trigger
    next_check_at timestamptz NOT NULL
);
CREATE INDEX ticket_sla_check_due_idx ON ticket_sla_check (next_check_at);

CREATE FUNCTION ticket_sla_check_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE ticket_sla_check;
    ELSIF TG_OP = 'DELETE' OR NEW.sla_next_check_at IS NULL THEN
        DELETE FROM ticket_sla_check WHERE ticket_id = OLD.id;
    ELSE
        INSERT INTO ticket_sla_check AS c VALUES (NEW.id, NEW.sla_next_check_at)
        ON CONFLICT (ticket_id) DO UPDATE SET next_check_at = EXCLUDED.next_check_at;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER ticket_sla_check_ins AFTER INSERT ON ticket
    FOR EACH ROW WHEN (NEW.sla_next_check_at IS NOT NULL) EXECUTE FUNCTION ticket_sla_check_sync();
CREATE TRIGGER ticket_sla_check_upd AFTER UPDATE OF sla_next_check_at ON ticket
    FOR EACH ROW WHEN (OLD.sla_next_check_at IS DISTINCT FROM NEW.sla_next_check_at)
    EXECUTE FUNCTION ticket_sla_check_sync();
CREATE TRIGGER ticket_sla_check_del AFTER DELETE ON ticket
    FOR EACH ROW WHEN (OLD.sla_next_check_at IS NOT NULL) EXECUTE FUNCTION ticket_sla_check_sync();
CREATE TRIGGER ticket_sla_check_truncate AFTER TRUNCATE ON ticket
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_sla_check_sync();

-- the back-fill, after the triggers exist (creating them waited for every writing transaction)
INSERT INTO ticket_sla_check SELECT id, sla_next_check_at FROM ticket WHERE sla_next_check_at IS NOT NULL;
DROP INDEX ticket_sla_next_check_idx;
-- HOT needs room on the row's page: pages written from now on keep a tenth free for the updates a
-- ticket gets through its life (the job's marks, the counters of messages and timeline entries)
ALTER TABLE ticket SET (fillfactor = 90);
