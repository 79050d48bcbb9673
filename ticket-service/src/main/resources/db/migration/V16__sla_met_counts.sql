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
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
                       OR OLD.priority IS DISTINCT FROM NEW.priority
                       OR OLD.category IS DISTINCT FROM NEW.category
                       OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
                       OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at
                       OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
                       OR OLD.created_at IS DISTINCT FROM NEW.created_at
                       OR ticket_sla_outcome(OLD.sla_res_status, OLD.merged_into_id)
                          IS DISTINCT FROM ticket_sla_outcome(NEW.sla_res_status, NEW.merged_into_id))
    EXECUTE FUNCTION ticket_count_change();

CREATE OR REPLACE FUNCTION ticket_count_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE ticket IN SHARE MODE;
    TRUNCATE ticket_count, ticket_count_change;
    INSERT INTO ticket_count
    SELECT status, priority, category, assignee_id, count(*),
           count(first_response_at), COALESCE(sum(extract(epoch FROM first_response_at - created_at)), 0),
           count(resolved_at), COALESCE(sum(extract(epoch FROM resolved_at - created_at)), 0),
           count(*) FILTER (WHERE ticket_sla_outcome(sla_res_status, merged_into_id) = 'MET'),
           count(*) FILTER (WHERE ticket_sla_outcome(sla_res_status, merged_into_id) = 'BREACHED')
      FROM ticket
     GROUP BY status, priority, category, assignee_id;
END
$$;

-- the back-fill (the trigger above already counts every change committed after this)
SELECT ticket_count_recount();
