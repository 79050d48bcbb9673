-- Auto-assignment reads each approved agent's load on every ticket creation. Counting the
-- agent's unresolved tickets made that read grow with the backlog (hundreds of thousands of
-- rows at scale), so the load is now kept on the agent row by a trigger, whatever path changes
-- a ticket (creation, assign-self, reassignment, status changes, a bulk queue drain).
ALTER TABLE agent
    ADD COLUMN open_tickets     integer     NOT NULL DEFAULT 0,
    ADD COLUMN last_assigned_at timestamptz;

UPDATE agent a
   SET open_tickets = (SELECT count(*) FROM ticket t
                        WHERE t.assignee_id = a.id AND t.status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD')),
       last_assigned_at = (SELECT max(t.assigned_at) FROM ticket t WHERE t.assignee_id = a.id);

CREATE FUNCTION ticket_agent_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.assignee_id IS NOT NULL
            AND OLD.status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD') THEN
        UPDATE agent SET open_tickets = open_tickets - 1 WHERE id = OLD.assignee_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.assignee_id IS NOT NULL THEN
        UPDATE agent
           SET open_tickets = open_tickets
                   + CASE WHEN NEW.status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD') THEN 1 ELSE 0 END,
               -- when the agent last received a ticket (the policy's tie-break)
               last_assigned_at = GREATEST(last_assigned_at, NEW.assigned_at)
         WHERE id = NEW.assignee_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ticket_agent_load_ins AFTER INSERT ON ticket
    FOR EACH ROW WHEN (NEW.assignee_id IS NOT NULL) EXECUTE FUNCTION ticket_agent_load();
CREATE TRIGGER ticket_agent_load_upd AFTER UPDATE OF assignee_id, status, assigned_at ON ticket
    FOR EACH ROW WHEN (OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
                       OR OLD.status IS DISTINCT FROM NEW.status
                       OR OLD.assigned_at IS DISTINCT FROM NEW.assigned_at)
    EXECUTE FUNCTION ticket_agent_load();
CREATE TRIGGER ticket_agent_load_del AFTER DELETE ON ticket
    FOR EACH ROW WHEN (OLD.assignee_id IS NOT NULL) EXECUTE FUNCTION ticket_agent_load();

-- the old per-creation aggregates' indexes are no longer read
DROP INDEX ticket_open_load_idx;
DROP INDEX ticket_last_assigned_idx;
