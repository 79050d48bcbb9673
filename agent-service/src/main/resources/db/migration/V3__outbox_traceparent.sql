-- Traces: each outbox row keeps the W3C traceparent of the span that wrote it (null when none)
-- and the relay sends the event on as a child of that trace. Nullable
-- with no default: adding it rewrites nothing, and rows written before it simply start a new trace.
ALTER TABLE outbox_event ADD COLUMN traceparent text;
