-- Role feeds: a notification meant for a whole role (admins, approved agents) is stored once and
-- read per person, instead of one row per member. Personal notifications stay in `notification`.
CREATE TABLE feed_notification (
    id          uuid          PRIMARY KEY,
    -- the feed's order of arrival: members see what arrived after they joined (feed_since) and
    -- read-all is a high-water mark on it (feed_read_upto)
    seq         bigserial     NOT NULL UNIQUE,
    feed        varchar(16)   NOT NULL CHECK (feed IN ('admin', 'agent')),
    event_id    varchar(128)  NOT NULL,
    event_type  varchar(128)  NOT NULL,
    ticket_id   uuid,
    title       varchar(200)  NOT NULL,
    body        varchar(1000) NOT NULL,
    -- members who do not see it: the one who acted, and those the event told personally
    except_ids  uuid[]        NOT NULL DEFAULT '{}',
    -- the agents' "new ticket" entry while the ticket is not waiting in the queue
    withdrawn   boolean       NOT NULL DEFAULT false,
    created_at  timestamptz   NOT NULL,
    CONSTRAINT feed_notification_event_feed_uq UNIQUE (event_id, feed)
);
CREATE INDEX feed_notification_feed_idx ON feed_notification (feed, seq);
CREATE INDEX feed_notification_newest_idx ON feed_notification (feed, created_at DESC, id DESC);
CREATE INDEX feed_notification_queue_idx ON feed_notification (ticket_id) WHERE feed = 'agent';

-- Membership and read marker per person. `feed` follows role and status: admins read the admin
-- feed, approved agents the agent feed, everyone else (pending, rejected, deactivated) none.
ALTER TABLE directory_account
    ADD COLUMN feed varchar(16) GENERATED ALWAYS AS (
        CASE WHEN role = 'admin' THEN 'admin' WHEN role = 'agent' AND status = 'APPROVED' THEN 'agent' END) STORED,
    ADD COLUMN feed_since bigint NOT NULL DEFAULT 0,
    ADD COLUMN feed_read_upto bigint NOT NULL DEFAULT 0,
    ADD COLUMN feed_read_all_at timestamptz;

-- Single feed entries read above the person's high-water mark (read-all clears them).
CREATE TABLE feed_read (
    account_id uuid        NOT NULL,
    feed_id    uuid        NOT NULL REFERENCES feed_notification (id) ON DELETE CASCADE,
    feed_seq   bigint      NOT NULL,
    read_at    timestamptz NOT NULL,
    PRIMARY KEY (account_id, feed_id)
);

-- In-app on/off per person and kind (the CloudEvent type); no row means on.
CREATE TABLE preference (
    account_id uuid         NOT NULL,
    kind       varchar(128) NOT NULL,
    in_app     boolean      NOT NULL,
    updated_at timestamptz  NOT NULL,
    PRIMARY KEY (account_id, kind)
);

-- The one definition of what a person sees: their personal notifications and the entries of their
-- role's feed since they joined, minus the kinds they switched off; read_at from the personal row,
-- a single read, or the read-all mark.
CREATE VIEW inbox_entry AS
SELECT e.*
  FROM (SELECT n.id, n.recipient_id, n.event_id, n.event_type, n.ticket_id, n.title, n.body, n.created_at,
               n.read_at, NULL::bigint AS feed_seq
          FROM notification n
        UNION ALL
        SELECT f.id, d.id, f.event_id, f.event_type, f.ticket_id, f.title, f.body, f.created_at,
               COALESCE(r.read_at, CASE WHEN f.seq <= d.feed_read_upto THEN d.feed_read_all_at END), f.seq
          FROM directory_account d
          JOIN feed_notification f ON f.feed = d.feed AND f.seq > d.feed_since
          LEFT JOIN feed_read r ON r.account_id = d.id AND r.feed_id = f.id
         WHERE NOT f.withdrawn AND NOT (d.id = ANY (f.except_ids))) e
 WHERE NOT EXISTS (SELECT 1 FROM preference p
                    WHERE p.account_id = e.recipient_id AND p.kind = e.event_type AND NOT p.in_app);
