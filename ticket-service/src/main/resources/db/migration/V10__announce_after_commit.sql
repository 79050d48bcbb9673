-- The live streams are no longer told of new timeline entries by a trigger inside the writing
-- transaction. A NOTIFY takes PostgreSQL's cluster-wide notify lock at commit and holds it through
-- the commit's WAL flush, so every notifying transaction of every database on the server committed
-- one after another. ticket-service now announces after the commit, in a transaction of its own that
-- does not wait for the flush (event/TicketActivity, conversation/live/LiveThreads).
DROP TRIGGER ticket_timeline_announce ON ticket_timeline;
DROP FUNCTION ticket_timeline_announce();
