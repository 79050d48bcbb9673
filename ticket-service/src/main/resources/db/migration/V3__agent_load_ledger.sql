-- V2's triggers updated the agent row in every ticket-creating transaction, which serialised
-- concurrent creations on the chosen agent's row until each commit (measured: 4 pgbench clients
-- gained nothing over 1). Now the same triggers append each change of an agent's load to a
-- ledger instead (inserts never wait for each other), and ticket-service folds the ledger into
-- the agent rows every second (AgentLoads). An agent's load is agent.open_tickets plus the
-- agent's rows still in the ledger.
CREATE TABLE agent_load_change (
    agent_id    uuid        NOT NULL,
    delta       integer     NOT NULL,
    assigned_at timestamptz -- when the agent received a ticket, for the policy's tie-break
);
CREATE INDEX agent_load_change_agent_idx ON agent_load_change (agent_id);

-- the triggers of V2 (and their WHEN conditions) stay; only what they do changes
CREATE OR REPLACE FUNCTION ticket_agent_load() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.assignee_id IS NOT NULL
            AND OLD.status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD') THEN
        INSERT INTO agent_load_change (agent_id, delta) VALUES (OLD.assignee_id, -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.assignee_id IS NOT NULL THEN
        INSERT INTO agent_load_change (agent_id, delta, assigned_at)
        VALUES (NEW.assignee_id, CASE WHEN NEW.status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD') THEN 1 ELSE 0 END,
                NEW.assigned_at);
    END IF;
    RETURN NULL;
END
$$;
