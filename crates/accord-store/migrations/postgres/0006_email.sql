-- The email channel (issue 4). Keep in step with ../sqlite/0006_email.sql.

-- Every message that arrived, stored raw before anything else is done with it: the SMTP
-- listener answers 250 only once this row is committed.
CREATE TABLE mail_inbound (
    id UUID PRIMARY KEY,
    -- SHA-256 of the Message-ID and of the body: a re-delivery of one message hits it.
    dedupe_key TEXT NOT NULL UNIQUE,
    message_id TEXT,
    -- smtp | lmtp | imap | cli | api
    source TEXT NOT NULL,
    -- The configured mailbox it arrived at, if any.
    mailbox TEXT,
    envelope_from TEXT,
    envelope_to JSONB NOT NULL,
    raw BYTEA NOT NULL,
    size BIGINT NOT NULL,
    -- received | filed | held | bounce | failed
    state TEXT NOT NULL,
    -- Why it is held, or what was wrong with it.
    reason TEXT,
    -- The case it joined; for a held message, the case it may belong to.
    case_id UUID REFERENCES cases(id),
    entry_id UUID REFERENCES entries(id),
    -- The From address, lower case, once parsed.
    sender TEXT,
    subject TEXT,
    -- The text read from it, and its sanitized HTML part for display.
    body TEXT,
    html TEXT,
    -- Its attachments as stored in the attachment store (JSON list), kept apart from any
    -- case until the message is filed.
    files JSONB,
    received_at BIGINT NOT NULL,
    processed_at BIGINT
);
CREATE INDEX mail_inbound_state ON mail_inbound (state, received_at);
CREATE INDEX mail_inbound_sender ON mail_inbound (sender, received_at);
CREATE INDEX mail_inbound_case ON mail_inbound (case_id);
CREATE INDEX mail_inbound_entry ON mail_inbound (entry_id);

-- The Message-IDs of a case's messages, both ways: a reply names one of them.
CREATE TABLE mail_threads (
    message_id TEXT PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases(id),
    entry_id UUID REFERENCES entries(id)
);
CREATE INDEX mail_threads_case ON mail_threads (case_id);

-- Mail to send, written in the transaction that makes the reply: a reply is never lost
-- between the case and the relay, and is sent until the relay takes it.
CREATE TABLE mail_outbox (
    id UUID PRIMARY KEY,
    case_id UUID REFERENCES cases(id),
    entry_id UUID REFERENCES entries(id),
    -- reply | acknowledgement | notification
    purpose TEXT NOT NULL,
    recipient TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    -- Subject, texts, language and threading headers (JSON); composed into MIME when sent.
    letter JSONB NOT NULL,
    -- queued | sent | failed | bounced
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT,
    last_error TEXT,
    lease_until BIGINT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_case ON mail_outbox (case_id);
CREATE INDEX mail_outbox_entry ON mail_outbox (entry_id);
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, purpose, created_at);

-- Where each IMAP mailbox was read up to.
CREATE TABLE mail_imap_state (
    mailbox TEXT PRIMARY KEY,
    uid_validity BIGINT NOT NULL,
    last_uid BIGINT NOT NULL
);

-- A mailbox may name the procedure of the cases it opens.
ALTER TABLE cases ADD COLUMN procedure_pin TEXT;
