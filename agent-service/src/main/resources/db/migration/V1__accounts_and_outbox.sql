-- Accounts of every role. Emails are stored lower-cased, so a plain unique index is enough.
CREATE TABLE account (
    id               uuid         PRIMARY KEY,
    email            varchar(254) NOT NULL,
    name             varchar(100) NOT NULL,
    phone            varchar(32),
    password_hash    varchar(80)  NOT NULL,
    role             varchar(16)  NOT NULL CHECK (role IN ('CUSTOMER', 'AGENT', 'ADMIN')),
    status           varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'PENDING', 'APPROVED', 'REJECTED')),
    rejection_reason varchar(1000),
    decided_by       uuid,
    decided_at       timestamptz,
    failed_logins    integer      NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX account_email_uq ON account (email);
-- the admin agent list: filter by role/status, oldest first
CREATE INDEX account_role_status_created_idx ON account (role, status, created_at, id);

-- Transactional outbox: written in the same transaction as the change it describes,
-- relayed to Kafka (support.account-events) by OutboxRelay.
CREATE TABLE outbox_event (
    id             uuid         PRIMARY KEY,             -- becomes the CloudEvent id
    seq            bigint       GENERATED ALWAYS AS IDENTITY, -- relay order
    aggregate_type varchar(32)  NOT NULL,
    aggregate_id   varchar(64)  NOT NULL,                -- becomes the Kafka record key
    event_type     varchar(128) NOT NULL,
    payload        text         NOT NULL,                -- JSON
    occurred_at    timestamptz  NOT NULL,
    published_at   timestamptz
);

CREATE UNIQUE INDEX outbox_event_seq_uq ON outbox_event (seq);
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;
