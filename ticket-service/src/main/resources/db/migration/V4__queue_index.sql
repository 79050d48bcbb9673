-- The agents' queue is "unassigned AND OPEN, oldest first". ticket_unassigned_idx has only the
-- first condition in its predicate, so at 1,000,000 tickets the queue's count was a bitmap heap
-- scan that visited every queued row in the table (646 ms for 49,660 rows, EXPLAIN ANALYZE in
-- deploy/bench/README.md). This index matches the queue exactly, so its page and its count can be
-- answered from the index alone.
CREATE INDEX ticket_queue_idx ON ticket (created_at, id) WHERE assignee_id IS NULL AND status = 'OPEN';
