-- The conversation: every ticket has one thread of messages, PUBLIC (customer and staff) and
-- INTERNAL (staff only, what used to be notes), numbered 1, 2, 3… per ticket, and a timeline of
-- everything that happened to it, numbered the same way. Both numbers come from counters on the
-- ticket row, bumped by the writing transaction under the row lock, so numbering is gap-free and
-- follows commit order. The Ticket entity does not map the counters: a stale entity flush can
-- never write them back.
ALTER TABLE ticket
    ADD COLUMN follow_up_of uuid REFERENCES ticket (id),
    ADD COLUMN message_seq  integer NOT NULL DEFAULT 0,
    ADD COLUMN timeline_seq integer NOT NULL DEFAULT 0;

CREATE TABLE ticket_message (
    id                uuid         PRIMARY KEY,
    ticket_id         uuid         NOT NULL REFERENCES ticket (id),
    seq               integer      NOT NULL,
    author_id         uuid         NOT NULL,
    author_name       varchar(100),
    author_role       varchar(8)   NOT NULL CHECK (author_role IN ('CUSTOMER', 'AGENT', 'ADMIN')),
    visibility        varchar(8)   NOT NULL CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
    channel           varchar(8)   NOT NULL CHECK (channel IN ('WEB', 'EMAIL', 'API')),
    body              text         NOT NULL,
    client_message_id varchar(100),
    created_at        timestamptz  NOT NULL,
    CONSTRAINT ticket_message_seq_uq UNIQUE (ticket_id, seq)
);
-- a client's retry of the same post finds the first one (only posts that name themselves)
CREATE UNIQUE INDEX ticket_message_client_id_uq ON ticket_message (ticket_id, author_id, client_message_id)
    WHERE client_message_id IS NOT NULL;

-- the notes become INTERNAL messages, numbered in the order they were written
INSERT INTO ticket_message (id, ticket_id, seq, author_id, author_name, author_role, visibility, channel, body,
                            created_at)
SELECT id, ticket_id, row_number() OVER (PARTITION BY ticket_id ORDER BY created_at, id), author_id, author_name,
       upper(author_role), 'INTERNAL', 'WEB', body, created_at
  FROM ticket_note;

UPDATE ticket t SET message_seq = m.n
  FROM (SELECT ticket_id, max(seq) AS n FROM ticket_message GROUP BY ticket_id) m
 WHERE m.ticket_id = t.id;

DROP TABLE ticket_note;

-- What happened to a ticket, in commit order. `internal` marks what customers never see (notes
-- and files of internal messages). Names are copied at write time, as the thread shows them.
CREATE TABLE ticket_timeline (
    ticket_id     uuid         NOT NULL REFERENCES ticket (id),
    seq           integer      NOT NULL,
    at            timestamptz  NOT NULL,
    actor_id      uuid,
    actor_name    varchar(100),
    actor_role    varchar(8),
    kind          varchar(16)  NOT NULL,
    from_value    varchar(64),
    to_value      varchar(64),
    from_name     varchar(100),
    to_name       varchar(100),
    message_id    uuid,
    attachment_id uuid,
    internal      boolean      NOT NULL DEFAULT false,
    PRIMARY KEY (ticket_id, seq)
);

-- existing tickets do not look empty: their creation, their notes and their feedback
INSERT INTO ticket_timeline (ticket_id, seq, at, actor_id, actor_name, actor_role, kind, to_value, message_id,
                             internal)
SELECT ticket_id, row_number() OVER (PARTITION BY ticket_id ORDER BY at, ord, id), at, actor_id, actor_name,
       actor_role, kind, to_value, message_id, internal
  FROM (SELECT t.id AS ticket_id, t.created_at AS at, 0 AS ord, t.id, t.customer_id AS actor_id,
               t.customer_name AS actor_name, 'CUSTOMER' AS actor_role, 'CREATED' AS kind,
               NULL::varchar AS to_value, NULL::uuid AS message_id, false AS internal
          FROM ticket t
        UNION ALL
        SELECT m.ticket_id, m.created_at, 1, m.id, m.author_id, m.author_name, m.author_role, 'NOTE', NULL,
               m.id, true
          FROM ticket_message m
        UNION ALL
        SELECT f.ticket_id, f.created_at, 2, f.id, f.customer_id, t.customer_name, 'CUSTOMER', 'FEEDBACK',
               f.rating::varchar, NULL, false
          FROM ticket_feedback f JOIN ticket t ON t.id = f.ticket_id) history;

UPDATE ticket t SET timeline_seq = h.n
  FROM (SELECT ticket_id, max(seq) AS n FROM ticket_timeline GROUP BY ticket_id) h
 WHERE h.ticket_id = t.id;

-- Every committed timeline entry is announced to every replica's live streams (LISTEN
-- support_ticket_activity): '<ticket id>:<highest new seq>' once per ticket and statement; the
-- streams re-read from the table, so the announcement carries nothing but the position.
CREATE FUNCTION ticket_timeline_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('support_ticket_activity', n.ticket_id::text || ':' || n.seq)
       FROM (SELECT ticket_id, max(seq) AS seq FROM new_entries GROUP BY ticket_id) n;
    RETURN NULL;
END
$$;

CREATE TRIGGER ticket_timeline_announce AFTER INSERT ON ticket_timeline
    REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_timeline_announce();
