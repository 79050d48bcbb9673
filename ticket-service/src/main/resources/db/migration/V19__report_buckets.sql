-- Issue 20, the performance goal (a year at 1,000,000 tickets in p99 <= 200 ms): exact medians and p90
-- do not add up across days, so a report of settled buckets is stored once computed. One row per bucket
-- and grouping: its instants [start_at, end_at) — so every zone whose midnights fall at the same
-- instants shares it — and the numbers of each group in it (report/ReportCell, as JSON).
-- The V15 facts stay the source of truth: a bucket is only stored once it ended two days ago
-- (ReportBuckets.SETTLED), and the triggers below forget every stored bucket holding a time of a fact
-- that changes when that time is older than one day. Recent facts (100 new tickets a second) never
-- touch this table; the day between the two horizons covers clock skew and long transactions.
CREATE TABLE report_bucket (
    grouping varchar(16) NOT NULL,  -- ReportGrouping
    start_at timestamptz NOT NULL,
    end_at   timestamptz NOT NULL,
    cells    jsonb       NOT NULL,  -- [[group, created, resolved, ...], ...]: the groups with data
    PRIMARY KEY (grouping, start_at, end_at)
);
CREATE INDEX report_bucket_during_idx ON report_bucket USING gist (tstzrange(start_at, end_at));

-- Forgets the stored buckets holding any of these times that are settled. The explicit lock comes
-- first, so the DELETE's snapshot is taken after it: a report storing buckets holds SHARE ROW EXCLUSIVE
-- from before it reads the facts until it commits, so a change of an old fact either committed before
-- that report read, or deletes what it stored.
CREATE FUNCTION report_forget(VARIADIC times timestamptz[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    settled timestamptz := clock_timestamp() - interval '1 day';
    t timestamptz;
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(times) u WHERE u < settled) THEN
        LOCK TABLE report_bucket IN ROW EXCLUSIVE MODE;
        FOREACH t IN ARRAY times LOOP
            IF t < settled THEN
                DELETE FROM report_bucket WHERE tstzrange(start_at, end_at) @> t;
            END IF;
        END LOOP;
    END IF;
END
$$;

-- Many rows at once (a bulk delete; the callers stop collecting at 1,001): forget everything.
CREATE FUNCTION report_forget_many(times timestamptz[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(times) > 1000 THEN
        LOCK TABLE report_bucket IN ROW EXCLUSIVE MODE;
        DELETE FROM report_bucket;
    ELSIF cardinality(times) > 0 THEN
        PERFORM report_forget(VARIADIC times);
    END IF;
END
$$;

-- A new fact: only an old one (a bulk load, a test's history) calls anything; the WHEN of its trigger
-- keeps the 100 new tickets a second free of it.
CREATE FUNCTION report_ticket_forget_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_forget(NEW.created_at, NEW.first_response_at);
    RETURN NULL;
END
$$;
CREATE FUNCTION report_resolution_forget_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_forget(NEW.resolved_at, NEW.reopened_at);
    RETURN NULL;
END
$$;

-- Deleted facts, per statement (a transition table, so a bulk delete is one call).
CREATE FUNCTION report_ticket_forget_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_forget_many(ARRAY(SELECT t FROM changed CROSS JOIN LATERAL (VALUES (created_at), (first_response_at)) v(t)
                                      WHERE t < clock_timestamp() - interval '1 day' LIMIT 1001));
    RETURN NULL;
END
$$;
CREATE FUNCTION report_resolution_forget_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_forget_many(ARRAY(SELECT t FROM changed CROSS JOIN LATERAL (VALUES (resolved_at), (reopened_at)) v(t)
                                      WHERE t < clock_timestamp() - interval '1 day' LIMIT 1001));
    RETURN NULL;
END
$$;

-- A changed fact: the buckets of the times whose numbers it changes, before and after (the triggers'
-- WHEN: only when one of its times is old; now() is the transaction's start, report_forget checks again).
CREATE FUNCTION report_ticket_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (OLD.created_at, OLD.category, OLD.priority, OLD.assignee_id)
       IS DISTINCT FROM (NEW.created_at, NEW.category, NEW.priority, NEW.assignee_id) THEN
        PERFORM report_forget(OLD.created_at, NEW.created_at);
    END IF;
    IF (OLD.first_response_at, OLD.first_response_seconds, OLD.first_response_business_seconds,
        OLD.category, OLD.priority, OLD.assignee_id)
       IS DISTINCT FROM (NEW.first_response_at, NEW.first_response_seconds, NEW.first_response_business_seconds,
        NEW.category, NEW.priority, NEW.assignee_id) THEN
        PERFORM report_forget(OLD.first_response_at, NEW.first_response_at);
    END IF;
    RETURN NULL;
END
$$;
-- a resolution's bucket shows nearly every column (a late rating, a reopen, the clock); its reopening's
-- bucket only when and in which group
CREATE FUNCTION report_resolution_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_forget(OLD.resolved_at, NEW.resolved_at);
    IF (OLD.reopened_at, OLD.category, OLD.priority, OLD.assignee_id)
       IS DISTINCT FROM (NEW.reopened_at, NEW.category, NEW.priority, NEW.assignee_id) THEN
        PERFORM report_forget(OLD.reopened_at, NEW.reopened_at);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION report_forget_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE report_bucket IN ROW EXCLUSIVE MODE;
    DELETE FROM report_bucket;
    RETURN NULL;
END
$$;

CREATE TRIGGER report_ticket_forget_ins AFTER INSERT ON report_ticket
    FOR EACH ROW WHEN (NEW.created_at < now() - interval '1 day' OR NEW.first_response_at < now() - interval '1 day')
    EXECUTE FUNCTION report_ticket_forget_new();
CREATE TRIGGER report_ticket_forget_del AFTER DELETE ON report_ticket REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION report_ticket_forget_rows();
CREATE TRIGGER report_ticket_forget_upd AFTER UPDATE ON report_ticket
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.* AND least(OLD.created_at, NEW.created_at, OLD.first_response_at,
                       NEW.first_response_at) < now() - interval '1 day')
    EXECUTE FUNCTION report_ticket_forget();
CREATE TRIGGER report_ticket_forget_truncate AFTER TRUNCATE ON report_ticket
    FOR EACH STATEMENT EXECUTE FUNCTION report_forget_all();

CREATE TRIGGER report_resolution_forget_ins AFTER INSERT ON report_resolution
    FOR EACH ROW WHEN (NEW.resolved_at < now() - interval '1 day' OR NEW.reopened_at < now() - interval '1 day')
    EXECUTE FUNCTION report_resolution_forget_new();
CREATE TRIGGER report_resolution_forget_del AFTER DELETE ON report_resolution REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION report_resolution_forget_rows();
CREATE TRIGGER report_resolution_forget_upd AFTER UPDATE ON report_resolution
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.* AND least(OLD.resolved_at, NEW.resolved_at, OLD.reopened_at,
                       NEW.reopened_at) < now() - interval '1 day')
    EXECUTE FUNCTION report_resolution_forget();
CREATE TRIGGER report_resolution_forget_truncate AFTER TRUNCATE ON report_resolution
    FOR EACH STATEMENT EXECUTE FUNCTION report_forget_all();
