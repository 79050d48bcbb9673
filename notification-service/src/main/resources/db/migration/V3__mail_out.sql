-- E-mail out. Addresses come from support.account-events like names do: accounts registered before
-- this migration get theirs with their next account event (nothing is backfilled).
ALTER TABLE directory_account ADD COLUMN email varchar(320);

-- E-mail on/off next to in-app, per person and kind (no row, or no change: on).
ALTER TABLE preference ADD COLUMN email boolean NOT NULL DEFAULT true;
ALTER TABLE preference ALTER COLUMN in_app SET DEFAULT true;

-- The language of a person's mails ('en' without a row).
CREATE TABLE mail_setting (
    account_id uuid        PRIMARY KEY,
    language   varchar(2)  NOT NULL CHECK (language IN ('en', 'de')),
    updated_at timestamptz NOT NULL
);

-- One mail per (event, recipient), written in the transaction that consumed the event and sent by
-- mail/MailSender. A row is claimed by moving next_attempt_at forward (a lease), so a replica that
-- crashed mid-send leaves it to be sent again, with the same Message-ID, once the lease ran out.
-- Address, name and language are looked up when sending (the account's event may arrive on its own
-- topic after the ticket's) and recorded with the sent mail.
CREATE TABLE mail_outbox (
    id              uuid          PRIMARY KEY,
    seq             bigserial     NOT NULL UNIQUE,
    event_id        varchar(128)  NOT NULL,
    kind            varchar(128)  NOT NULL,
    recipient_id    uuid          NOT NULL,
    ticket_id       uuid          NOT NULL,
    reference       varchar(64)   NOT NULL,
    message_id      varchar(300)  NOT NULL UNIQUE,
    -- the Message-ID of the first mail about this ticket to this person (In-Reply-To, References)
    thread_id       varchar(300),
    -- what the template needs besides the columns; emptied once sent (a reply's text is not kept twice)
    data            jsonb         NOT NULL,
    -- PENDING until SENT; FAILED when given up; DROPPED when the person switched the kind off or was
    -- deactivated before it went out
    status          varchar(8)    NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'DROPPED')),
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL,
    last_error      varchar(500),
    created_at      timestamptz   NOT NULL,
    sent_at         timestamptz,
    to_address      varchar(320),
    language        varchar(2),
    CONSTRAINT mail_outbox_event_recipient_uq UNIQUE (event_id, recipient_id)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_thread_idx ON mail_outbox (ticket_id, recipient_id, seq);
