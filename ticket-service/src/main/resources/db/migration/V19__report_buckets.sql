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

-- Forgets the stored buckets holding any of these times that are settled (old). The explicit lock comes
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

-- A new or deleted fact: only an old one (a bulk load, a test's history, a deleted old ticket) calls
-- anything; the WHEN of its trigger keeps the 100 new tickets a second free of it. Its times: created
-- and first response, or resolved and reopened.
CREATE FUNCTION report_forget_fact() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    fact record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        fact := OLD;
    ELSE
        fact := NEW;
    END IF;
    IF TG_TABLE_NAME = 'report_ticket' THEN
        PERFORM report_forget(fact.created_at, fact.first_response_at);
    ELSE
        PERFORM report_forget(fact.resolved_at, fact.reopened_at);
    END IF;
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

-- The same four triggers on both fact tables, with each one's two times.
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT * FROM (VALUES ('report_ticket', 'created_at', 'first_response_at'),
                                   ('report_resolution', 'resolved_at', 'reopened_at')) v(tbl, a, b) LOOP
        EXECUTE format('CREATE TRIGGER %1$s_forget_ins AFTER INSERT ON %1$s FOR EACH ROW'
                       ' WHEN (NEW.%2$s < now() - interval ''1 day'' OR NEW.%3$s < now() - interval ''1 day'')'
                       ' EXECUTE FUNCTION report_forget_fact()', f.tbl, f.a, f.b);
        EXECUTE format('CREATE TRIGGER %1$s_forget_del AFTER DELETE ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.%2$s < now() - interval ''1 day'' OR OLD.%3$s < now() - interval ''1 day'')'
                       ' EXECUTE FUNCTION report_forget_fact()', f.tbl, f.a, f.b);
        EXECUTE format('CREATE TRIGGER %1$s_forget_upd AFTER UPDATE ON %1$s FOR EACH ROW'
                       ' WHEN (OLD.* IS DISTINCT FROM NEW.* AND least(OLD.%2$s, NEW.%2$s, OLD.%3$s, NEW.%3$s) < now() - interval ''1 day'')'
                       ' EXECUTE FUNCTION %1$s_forget()', f.tbl, f.a, f.b);
        EXECUTE format('CREATE TRIGGER %1$s_forget_truncate AFTER TRUNCATE ON %1$s'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION report_forget_all()', f.tbl);
    END LOOP;
END
$$;
