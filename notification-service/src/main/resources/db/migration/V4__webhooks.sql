-- Webhooks: partners' endpoints that receive the ticket events, signed (Standard Webhooks), with a
-- queue of deliveries written in the same transaction that consumes the event.
CREATE TABLE webhook_endpoint (
    id                    uuid          PRIMARY KEY,
    url                   varchar(2000) NOT NULL,
    description           varchar(500)  NOT NULL DEFAULT '',
    -- full CloudEvent types, or '*' for every ticket event
    event_types           text[]        NOT NULL,
    enabled               boolean       NOT NULL,
    -- why it was switched off by the system: GONE (answered 410) or FAILING (failed for 24 h)
    disabled_reason       varchar(16),
    disabled_at           timestamptz,
    -- whsec_…: never answered again after creation or rotation
    secret                varchar(200)  NOT NULL,
    -- the secret before the last rotation, still signing until previous_secret_until
    previous_secret       varchar(200),
    previous_secret_until timestamptz,
    -- the first failed attempt since the last success (NULL while healthy)
    failing_since         timestamptz,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL
);

-- One event for one endpoint; its id is the webhook-id every retry repeats.
CREATE TABLE webhook_delivery (
    id                 uuid          PRIMARY KEY,
    seq                bigint        GENERATED ALWAYS AS IDENTITY,
    endpoint_id        uuid          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id           varchar(128)  NOT NULL,
    event_type         varchar(128)  NOT NULL,
    -- the structured-mode CloudEvent exactly as it is signed and sent
    payload            text          NOT NULL,
    status             varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts           integer       NOT NULL DEFAULT 0,
    -- due time while PENDING; a claimed delivery's is pushed past the attempt (a lease)
    next_attempt_at    timestamptz,
    last_attempt_at    timestamptz,
    last_response_code integer,
    last_duration_ms   integer,
    last_error         varchar(500),
    redelivery_of      uuid,
    created_at         timestamptz   NOT NULL
);
-- an event is queued once per endpoint (a redelivered Kafka record finds it there); redeliveries
-- an admin asks for are further rows
CREATE UNIQUE INDEX webhook_delivery_event_uq ON webhook_delivery (endpoint_id, event_id) WHERE redelivery_of IS NULL;
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (endpoint_id, next_attempt_at, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (endpoint_id, seq DESC);

-- Every attempt of a delivery, for the delivery log.
CREATE TABLE webhook_attempt (
    delivery_id      uuid         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt          integer      NOT NULL,
    started_at       timestamptz  NOT NULL,
    duration_ms      integer      NOT NULL,
    response_code    integer,
    error            varchar(500),
    -- the first few KiB of the response body, as text
    response_excerpt varchar(4096),
    next_attempt_at  timestamptz,
    PRIMARY KEY (delivery_id, attempt)
);
