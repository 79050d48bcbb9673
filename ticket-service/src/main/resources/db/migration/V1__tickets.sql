-- Human reference numbers: SUP-000001, SUP-000002, ...
CREATE SEQUENCE ticket_reference_seq;

CREATE TABLE ticket (
    id                uuid          PRIMARY KEY,
    reference         varchar(16)   NOT NULL,
    subject           varchar(200)  NOT NULL,
    description       varchar(10000) NOT NULL,
    category          varchar(16)   NOT NULL CHECK (category IN ('DAMAGED', 'LOST', 'LATE', 'QUALITY', 'OTHER')),
    priority          varchar(8)    NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH')),
    status            varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED')),
    customer_id       uuid          NOT NULL,
    customer_name     varchar(100),
    customer_email    varchar(254),
    delivery_id       varchar(64),
    assignee_id       uuid,
    assigned_at       timestamptz,  -- when the current assignee got it (auto-assignment tie-break)
    resolution_count  integer       NOT NULL DEFAULT 0,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    first_response_at timestamptz,
    resolved_at       timestamptz,
    closed_at         timestamptz,
    version           bigint        NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX ticket_reference_uq ON ticket (reference);
-- every list is ordered newest first with id as the tie-breaker; each filter has an index
CREATE INDEX ticket_customer_idx ON ticket (customer_id, created_at DESC, id DESC);
CREATE INDEX ticket_assignee_idx ON ticket (assignee_id, created_at DESC, id DESC);
CREATE INDEX ticket_status_idx ON ticket (status, created_at DESC, id DESC);
CREATE INDEX ticket_priority_idx ON ticket (priority, created_at DESC, id DESC);
CREATE INDEX ticket_category_idx ON ticket (category, created_at DESC, id DESC);
CREATE INDEX ticket_created_idx ON ticket (created_at DESC, id DESC);
-- the unassigned queue (oldest first, as agents take them) and the admin's unassigned filter
CREATE INDEX ticket_unassigned_idx ON ticket (created_at, id) WHERE assignee_id IS NULL;
-- auto-assignment: open work per assignee, and when each assignee last received a ticket
CREATE INDEX ticket_open_load_idx ON ticket (assignee_id) WHERE status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD');
CREATE INDEX ticket_last_assigned_idx ON ticket (assignee_id, assigned_at DESC) WHERE assignee_id IS NOT NULL;

CREATE TABLE ticket_note (
    id          uuid          PRIMARY KEY,
    ticket_id   uuid          NOT NULL REFERENCES ticket (id),
    author_id   uuid          NOT NULL,
    author_name varchar(100),
    author_role varchar(8)    NOT NULL,
    body        varchar(5000) NOT NULL,
    created_at  timestamptz   NOT NULL
);
CREATE INDEX ticket_note_ticket_idx ON ticket_note (ticket_id, created_at, id);

CREATE TABLE ticket_feedback (
    id          uuid          PRIMARY KEY,
    ticket_id   uuid          NOT NULL REFERENCES ticket (id),
    resolution  integer       NOT NULL,
    customer_id uuid          NOT NULL,
    rating      smallint      NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     varchar(2000),
    created_at  timestamptz   NOT NULL,
    UNIQUE (ticket_id, resolution)
);

-- Read model of agents, fed by support.account-events (never by calling agent-service).
-- Nothing here changes when a ticket is assigned: a per-agent counter would serialize every
-- ticket creation on that agent's row.
CREATE TABLE agent (
    id          uuid         PRIMARY KEY,
    name        varchar(100),
    email       varchar(254),
    status      varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    approved_at timestamptz,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX agent_approved_idx ON agent (approved_at) WHERE status = 'APPROVED';

-- CloudEvent ids already applied, so a redelivered account event changes nothing.
CREATE TABLE processed_event (
    event_id     varchar(128) PRIMARY KEY,
    processed_at timestamptz  NOT NULL
);

-- Transactional outbox for support.ticket-events (see OutboxRelay).
CREATE TABLE outbox_event (
    id             uuid         PRIMARY KEY,
    seq            bigint       GENERATED ALWAYS AS IDENTITY,
    aggregate_type varchar(32)  NOT NULL,
    aggregate_id   varchar(64)  NOT NULL,
    event_type     varchar(128) NOT NULL,
    payload        text         NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    published_at   timestamptz
);
CREATE UNIQUE INDEX outbox_event_seq_uq ON outbox_event (seq);
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;
