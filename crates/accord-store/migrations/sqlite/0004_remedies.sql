-- Remedies given or requested on cases (PRODUCT.md B5, D5); the grants that were given
-- make the account's concession ledger. Keep in step with ../postgres/0004_remedies.sql.

CREATE TABLE remedy_grants (
    id BLOB PRIMARY KEY,
    case_id BLOB NOT NULL REFERENCES cases(id),
    -- The account the ledger belongs to (NULL for a contact without an organization).
    organization_id BLOB REFERENCES organizations(id),
    contact_id BLOB NOT NULL REFERENCES contacts(id),
    policy_version BIGINT NOT NULL REFERENCES policy_versions(number),
    remedy_id TEXT NOT NULL,
    unit TEXT NOT NULL,
    amount REAL NOT NULL,
    reason TEXT NOT NULL,
    -- granted | pending | approved | rejected
    status TEXT NOT NULL,
    requested_by BLOB NOT NULL REFERENCES users(id),
    requested_at BIGINT NOT NULL,
    -- The lowest role whose limit covers the amount, while pending.
    approver_role TEXT,
    decided_by BLOB REFERENCES users(id),
    decided_at BIGINT,
    decision_note TEXT
);
CREATE INDEX remedy_grants_case ON remedy_grants (case_id, requested_at);
CREATE INDEX remedy_grants_organization ON remedy_grants (organization_id, requested_at);
CREATE INDEX remedy_grants_contact ON remedy_grants (contact_id, requested_at);
CREATE INDEX remedy_grants_status ON remedy_grants (status, requested_at);
