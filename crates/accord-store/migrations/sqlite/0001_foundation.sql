-- Foundation schema (SQLite). Keep in step with ../postgres/0001_foundation.sql:
-- the schema drift test compares both after migrating.
-- Ids are UUIDv7 (BLOB here, UUID there); instants are BIGINT unix microseconds.

CREATE TABLE sequences (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO sequences (name, value) VALUES ('case_number', 1000);

CREATE TABLE users (
    id BLOB PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    language TEXT NOT NULL,
    password_hash TEXT,
    organization_id BLOB,
    contact_id BLOB,
    active INTEGER NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE teams (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    description TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE team_members (
    team_id BLOB NOT NULL REFERENCES teams(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

CREATE TABLE organizations (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL,
    tier TEXT NOT NULL,
    annual_revenue_minor BIGINT,
    currency TEXT,
    customer_since TEXT,
    account_manager_id BLOB REFERENCES users(id),
    billing_notes TEXT,
    contract_ref TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX organizations_name ON organizations (name);

CREATE TABLE contacts (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL,
    organization_id BLOB REFERENCES organizations(id),
    preferred_language TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX contacts_organization ON contacts (organization_id);
CREATE INDEX contacts_name ON contacts (name);

CREATE TABLE contact_identities (
    contact_id BLOB NOT NULL REFERENCES contacts(id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX contact_identities_contact ON contact_identities (contact_id);

CREATE TABLE expectations (
    id BLOB PRIMARY KEY,
    organization_id BLOB NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    recorded_by BLOB REFERENCES users(id),
    recorded_at BIGINT NOT NULL
);
CREATE INDEX expectations_organization ON expectations (organization_id);

CREATE TABLE responsibilities (
    id BLOB PRIMARY KEY,
    organization_id BLOB NOT NULL REFERENCES organizations(id),
    area TEXT NOT NULL,
    party TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX responsibilities_organization ON responsibilities (organization_id);

CREATE TABLE cases (
    id BLOB PRIMARY KEY,
    number BIGINT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    channel TEXT NOT NULL,
    language TEXT NOT NULL,
    category TEXT,
    tags TEXT NOT NULL,
    priority TEXT NOT NULL,
    status TEXT NOT NULL,
    organization_id BLOB REFERENCES organizations(id),
    contact_id BLOB NOT NULL REFERENCES contacts(id),
    team_id BLOB REFERENCES teams(id),
    assignee_id BLOB REFERENCES users(id),
    custom_fields TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX cases_status_updated ON cases (status, updated_at);
CREATE INDEX cases_assignee_status ON cases (assignee_id, status, updated_at);
CREATE INDEX cases_team_status ON cases (team_id, status, updated_at);
CREATE INDEX cases_organization ON cases (organization_id, updated_at);
CREATE INDEX cases_contact ON cases (contact_id, updated_at);
CREATE INDEX cases_updated ON cases (updated_at);

CREATE TABLE case_tags (
    case_id BLOB NOT NULL REFERENCES cases(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (case_id, tag)
);
CREATE INDEX case_tags_tag ON case_tags (tag);

CREATE TABLE case_links (
    case_id BLOB NOT NULL REFERENCES cases(id),
    other_case_id BLOB NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, other_case_id, kind)
);
CREATE INDEX case_links_other ON case_links (other_case_id);

CREATE TABLE case_events (
    id BLOB PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    actor_user_id BLOB REFERENCES users(id),
    reason TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE entries (
    id BLOB PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    body TEXT NOT NULL,
    author_user_id BLOB REFERENCES users(id),
    author_contact_id BLOB REFERENCES contacts(id),
    department_id BLOB REFERENCES teams(id),
    answers_entry_id BLOB REFERENCES entries(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX entries_case ON entries (case_id, created_at);

CREATE TABLE attachments (
    id BLOB PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases(id),
    entry_id BLOB REFERENCES entries(id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by BLOB REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_id);

CREATE TABLE api_tokens (
    id BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE idempotency_keys (
    user_id BLOB NOT NULL REFERENCES users(id),
    key TEXT NOT NULL,
    request_hash BLOB NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE audit_log (
    id BLOB PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_user_id BLOB,
    action TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

-- The audit log is append-only: the database itself refuses edits and deletions.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
