-- Issue 16: every list answered its exact `total` with count(*) over the matching tickets (3.5 s
-- for the admin's status=OPEN list at 1,000,000 tickets) and the stats read the whole table five
-- times (1.2 to 2.7 s each). Tickets are now also counted per (status, priority, category, assignee)
-- — 75 rows per agent at most — with the sums behind the stats' averages (first-response and
-- resolution times), kept exact with the ledger pattern of the agents' loads (V3):
-- triggers append each change to ticket_count_change inside the changing transaction (appends never
-- wait for each other, so concurrent writers do not serialise on a hot counter row), and
-- ticket-service folds the ledger into ticket_count every second (service/TicketCounts). A count is
-- the matching ticket_count rows plus the matching ledger rows, read in one statement.
CREATE TABLE ticket_count (
    status      varchar(16) NOT NULL,
    priority    varchar(8)  NOT NULL,
    category    varchar(16) NOT NULL,
    assignee_id uuid,       -- null: unassigned
    tickets     bigint      NOT NULL,
    -- tickets with a first response / currently resolved, and their seconds since creation, summed
    first_responses        bigint  NOT NULL DEFAULT 0,
    first_response_seconds numeric NOT NULL DEFAULT 0,
    resolutions            bigint  NOT NULL DEFAULT 0,
    resolution_seconds     numeric NOT NULL DEFAULT 0,
    CONSTRAINT ticket_count_key_uq UNIQUE NULLS NOT DISTINCT (status, priority, category, assignee_id)
);

-- No index: it holds about one second of changes and is read whole (the fold) or alongside the
-- counters.
CREATE TABLE ticket_count_change (
    status      varchar(16) NOT NULL,
    priority    varchar(8)  NOT NULL,
    category    varchar(16) NOT NULL,
    assignee_id uuid,
    delta       integer     NOT NULL,
    first_responses        integer NOT NULL,
    first_response_seconds numeric NOT NULL,
    resolutions            integer NOT NULL,
    resolution_seconds     numeric NOT NULL
);

CREATE FUNCTION ticket_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the old row leaves its key, the new one joins its key: one ticket, and its times if it has them
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO ticket_count_change
        VALUES (OLD.status, OLD.priority, OLD.category, OLD.assignee_id, -1,
                -(OLD.first_response_at IS NOT NULL)::int, -COALESCE(extract(epoch FROM OLD.first_response_at - OLD.created_at), 0),
                -(OLD.resolved_at IS NOT NULL)::int, -COALESCE(extract(epoch FROM OLD.resolved_at - OLD.created_at), 0));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO ticket_count_change
        VALUES (NEW.status, NEW.priority, NEW.category, NEW.assignee_id, 1,
                (NEW.first_response_at IS NOT NULL)::int, COALESCE(extract(epoch FROM NEW.first_response_at - NEW.created_at), 0),
                (NEW.resolved_at IS NOT NULL)::int, COALESCE(extract(epoch FROM NEW.resolved_at - NEW.created_at), 0));
    END IF;
    RETURN NULL;
END
$$;

-- Row triggers: an update fires only when a counted column changes (a new message, which bumps the
-- ticket row, appends nothing unless it is the first response).
CREATE TRIGGER ticket_count_ins AFTER INSERT ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_count_change();
CREATE TRIGGER ticket_count_upd
    AFTER UPDATE OF status, priority, category, assignee_id, first_response_at, resolved_at, created_at ON ticket
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
                       OR OLD.priority IS DISTINCT FROM NEW.priority
                       OR OLD.category IS DISTINCT FROM NEW.category
                       OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
                       OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at
                       OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
                       OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION ticket_count_change();
CREATE TRIGGER ticket_count_del AFTER DELETE ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_count_change();

-- TRUNCATE fires no row trigger: the counts are emptied with the tickets (TRUNCATE, so a fold in
-- flight is waited for rather than half seen).
CREATE FUNCTION ticket_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE ticket_count, ticket_count_change;
    RETURN NULL;
END
$$;
CREATE TRIGGER ticket_count_truncate AFTER TRUNCATE ON ticket
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_count_truncate();

-- Counts every ticket afresh (the back-fill here; the benchmark's seeding, which inserts with the
-- triggers off, calls it too). Writers are held off meanwhile, so no ticket is missed or counted twice.
CREATE FUNCTION ticket_count_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE ticket IN SHARE MODE;
    TRUNCATE ticket_count, ticket_count_change;
    INSERT INTO ticket_count
    SELECT status, priority, category, assignee_id, count(*),
           count(first_response_at), COALESCE(sum(extract(epoch FROM first_response_at - created_at)), 0),
           count(resolved_at), COALESCE(sum(extract(epoch FROM resolved_at - created_at)), 0)
      FROM ticket
     GROUP BY status, priority, category, assignee_id;
END
$$;

-- after the triggers exist: creating them waited for every writing transaction
SELECT ticket_count_recount();

-- With exact totals the lists skip the page query when nothing matches. A combination that does
-- match walks one index in date order and skips what does not match; an assignee's tickets in one
-- status (an agent's work by state, the admin's filters) skipped all the agent's other tickets
-- (32 ms for 200 ON_HOLD tickets of an agent holding 250,000, at 1,000,000 tickets). This index
-- answers that combination as a range.
CREATE INDEX ticket_assignee_status_idx ON ticket (assignee_id, status, created_at DESC, id DESC);
