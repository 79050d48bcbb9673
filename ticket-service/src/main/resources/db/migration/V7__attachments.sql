-- Files: uploaded first (unclaimed, visible to the uploader only), then claimed within an hour by a new
-- ticket (message_id NULL) or a message of it; unclaimed ones past that are deleted by a sweep.
-- No foreign keys to ticket or to the message table here: the message table arrives in its own
-- migration, and tests empty the ticket table with TRUNCATE.
CREATE TABLE attachment (
    id           uuid          PRIMARY KEY,
    uploader_id  uuid          NOT NULL,
    ticket_id    uuid,
    message_id   uuid,
    position     integer,      -- order within the ticket's or message's list (1, 2, …)
    filename     varchar(255)  NOT NULL,
    content_type varchar(100)  NOT NULL,
    size         bigint        NOT NULL CHECK (size > 0),
    sha256       char(64)      NOT NULL,
    created_at   timestamptz   NOT NULL,
    claimed_at   timestamptz,
    CHECK ((claimed_at IS NULL) = (ticket_id IS NULL)),
    CHECK (message_id IS NULL OR ticket_id IS NOT NULL)
);
-- the sweep: oldest unclaimed first
CREATE INDEX attachment_unclaimed_idx ON attachment (created_at) WHERE claimed_at IS NULL;
CREATE INDEX attachment_ticket_idx ON attachment (ticket_id, position) WHERE ticket_id IS NOT NULL;
CREATE INDEX attachment_message_idx ON attachment (message_id, position) WHERE message_id IS NOT NULL;

-- The bytes, apart from the metadata (AttachmentStore), so that an object store can replace this table.
CREATE TABLE attachment_content (
    id      uuid  PRIMARY KEY,
    content bytea NOT NULL
);
