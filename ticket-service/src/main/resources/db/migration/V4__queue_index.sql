-- The agents' queue is "unassigned AND OPEN, oldest first". ticket_unassigned_idx has only the
-- first condition in its predicate, so at 1,000,000 tickets the queue's count read ~100,000 OPEN
-- rows from the heap (646 ms, EXPLAIN ANALYZE in deploy/bench/README.md). This index matches the
-- queue exactly: its page and its count become index-only reads of the queue itself.
CREATE INDEX ticket_queue_idx ON ticket (created_at, id) WHERE assignee_id IS NULL AND status = 'OPEN';
