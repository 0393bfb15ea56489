-- Foundation schema (PostgreSQL). Keep in step with ../sqlite/0001_foundation.sql:
-- the schema drift test compares both after migrating.
-- Ids are UUIDv7 (UUID here, BLOB there); instants are BIGINT unix microseconds.

CREATE TABLE sequences (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO sequences (name, value) VALUES ('case_number', 1000);

CREATE TABLE users (
    id UUID PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    language TEXT NOT NULL,
    password_hash TEXT,
    organization_id UUID,
    contact_id UUID,
    active BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE teams (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    description TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE team_members (
    team_id UUID NOT NULL REFERENCES teams(id),
    user_id UUID NOT NULL REFERENCES users(id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

CREATE TABLE organizations (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    tier TEXT NOT NULL,
    annual_revenue_minor BIGINT,
    currency TEXT,
    customer_since TEXT,
    account_manager_id UUID REFERENCES users(id),
    billing_notes TEXT,
    contract_ref TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX organizations_name ON organizations (name);

CREATE TABLE contacts (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    organization_id UUID REFERENCES organizations(id),
    preferred_language TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX contacts_organization ON contacts (organization_id);
CREATE INDEX contacts_name ON contacts (name);

CREATE TABLE contact_identities (
    contact_id UUID NOT NULL REFERENCES contacts(id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX contact_identities_contact ON contact_identities (contact_id);

CREATE TABLE expectations (
    id UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    recorded_by UUID REFERENCES users(id),
    recorded_at BIGINT NOT NULL
);
CREATE INDEX expectations_organization ON expectations (organization_id);

CREATE TABLE responsibilities (
    id UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    area TEXT NOT NULL,
    party TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX responsibilities_organization ON responsibilities (organization_id);

CREATE TABLE cases (
    id UUID PRIMARY KEY,
    number BIGINT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    channel TEXT NOT NULL,
    language TEXT NOT NULL,
    category TEXT,
    tags JSONB NOT NULL,
    priority TEXT NOT NULL,
    status TEXT NOT NULL,
    organization_id UUID REFERENCES organizations(id),
    contact_id UUID NOT NULL REFERENCES contacts(id),
    team_id UUID REFERENCES teams(id),
    assignee_id UUID REFERENCES users(id),
    custom_fields JSONB NOT NULL,
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
    case_id UUID NOT NULL REFERENCES cases(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (case_id, tag)
);
CREATE INDEX case_tags_tag ON case_tags (tag);

CREATE TABLE case_links (
    case_id UUID NOT NULL REFERENCES cases(id),
    other_case_id UUID NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, other_case_id, kind)
);
CREATE INDEX case_links_other ON case_links (other_case_id);

CREATE TABLE case_events (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    data JSONB NOT NULL,
    actor_user_id UUID REFERENCES users(id),
    reason TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE entries (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    body TEXT NOT NULL,
    author_user_id UUID REFERENCES users(id),
    author_contact_id UUID REFERENCES contacts(id),
    department_id UUID REFERENCES teams(id),
    answers_entry_id UUID REFERENCES entries(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX entries_case ON entries (case_id, created_at);

CREATE TABLE attachments (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases(id),
    entry_id UUID REFERENCES entries(id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_by UUID REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_id);

CREATE TABLE api_tokens (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash BYTEA NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE sessions (
    token_hash BYTEA PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE idempotency_keys (
    user_id UUID NOT NULL REFERENCES users(id),
    key TEXT NOT NULL,
    request_hash BYTEA NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE audit_log (
    id UUID PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_user_id UUID,
    action TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id TEXT,
    detail JSONB NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

-- The audit log is append-only: the database itself refuses edits and deletions.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
