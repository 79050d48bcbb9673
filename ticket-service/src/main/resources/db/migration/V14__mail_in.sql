-- E-mail in (package mail/). Every mail read from the support mailbox leaves one row here, written in
-- the transaction that acts on it: its Message-ID is the key, so a mail read twice (a crash before it
-- left the INBOX, two replicas polling) is acted on once. The rows of the last hour per sender are the
-- per-sender rate limit.
CREATE TABLE inbound_mail (
    message_id        varchar(1000) PRIMARY KEY,
    sender            varchar(320),
    outcome           varchar(32)   NOT NULL,
    detail            varchar(500),
    ticket_id         uuid          REFERENCES ticket (id),
    ticket_message_id uuid,
    received_at       timestamptz   NOT NULL
);
CREATE INDEX inbound_mail_sender_idx ON inbound_mail (sender, received_at);

-- The polite "we could not add your mail" answers: at most one per sender and day (UTC).
CREATE TABLE mail_auto_reply (
    sender  varchar(320) NOT NULL,
    day     date         NOT NULL,
    sent_at timestamptz  NOT NULL,
    PRIMARY KEY (sender, day)
);

-- Customers by e-mail address, from support.account-events (registrations of role customer); the
-- tickets' customer_email covers everyone who opened a ticket (also before this table existed). A mail
-- without a ticket reference from one of these addresses opens a ticket. Addresses kept lower-case.
CREATE TABLE mail_customer (
    id         uuid         PRIMARY KEY,
    email      varchar(320) NOT NULL,
    name       varchar(200),
    updated_at timestamptz  NOT NULL
);
CREATE INDEX mail_customer_email_idx ON mail_customer (email, updated_at DESC);
CREATE INDEX ticket_customer_email_idx ON ticket (lower(customer_email), created_at DESC);
