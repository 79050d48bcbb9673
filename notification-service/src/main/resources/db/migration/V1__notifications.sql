-- One row per recipient of an event. (event_id, recipient_id) is unique: a redelivered event
-- can never notify the same person twice.
CREATE TABLE notification (
    id           uuid          PRIMARY KEY,
    recipient_id uuid          NOT NULL,
    event_id     varchar(128)  NOT NULL,
    event_type   varchar(128)  NOT NULL,
    ticket_id    uuid,
    title        varchar(200)  NOT NULL,
    body         varchar(1000) NOT NULL,
    read_at      timestamptz,
    created_at   timestamptz   NOT NULL,
    CONSTRAINT notification_event_recipient_uq UNIQUE (event_id, recipient_id)
);
-- a person's inbox, newest first, and their unread ones
CREATE INDEX notification_inbox_idx ON notification (recipient_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL;

-- Who is who, from support.account-events: approved agents and admins are notified about tickets.
CREATE TABLE directory_account (
    id         uuid         PRIMARY KEY,
    role       varchar(16)  NOT NULL,
    status     varchar(16)  NOT NULL,
    name       varchar(100),
    updated_at timestamptz  NOT NULL
);
CREATE INDEX directory_account_role_status_idx ON directory_account (role, status);

-- CloudEvent ids already applied (both topics), written in the same transaction as the effect.
CREATE TABLE processed_event (
    event_id     varchar(128) PRIMARY KEY,
    processed_at timestamptz  NOT NULL
);

-- One-time tickets that let a browser's EventSource (which cannot send headers) open the stream.
CREATE TABLE stream_ticket (
    id         varchar(64)  PRIMARY KEY,
    account_id uuid         NOT NULL,
    expires_at timestamptz  NOT NULL
);
CREATE INDEX stream_ticket_expires_idx ON stream_ticket (expires_at);
