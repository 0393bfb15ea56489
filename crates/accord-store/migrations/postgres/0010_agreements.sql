-- Resolving a complaint (issue 6, D1-D3): what the agent understood, the written agreement
-- with the customer in versions, its milestones, and the contract changes it lists for
-- review. Keep in step with ../sqlite/0010_agreements.sql.

CREATE TABLE case_understandings (
    case_id UUID PRIMARY KEY REFERENCES cases(id),
    problem TEXT NOT NULL,
    -- technical | personal | both
    nature TEXT NOT NULL,
    -- company | customer | third_party (the contract's parties)
    responsible TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by UUID REFERENCES users(id),
    recorded_at BIGINT NOT NULL
);

CREATE TABLE agreements (
    id UUID PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases(id),
    version BIGINT NOT NULL,
    -- proposed | accepted | discussing | superseded
    status TEXT NOT NULL,
    -- The customer's language when it was proposed: the one it is written and sent in.
    language TEXT NOT NULL,
    problem TEXT NOT NULL,
    outcome TEXT NOT NULL,
    -- JSON lists of text.
    indicators JSONB NOT NULL,
    contract_changes JSONB NOT NULL,
    deadline BIGINT NOT NULL,
    proposed_by UUID REFERENCES users(id),
    proposed_at BIGINT NOT NULL,
    answered_at BIGINT,
    -- link | portal | email
    answered_via TEXT,
    -- The emailed link's secret, as SHA-256; it works until it expires.
    link_hash BYTEA UNIQUE,
    link_expires_at BIGINT,
    UNIQUE (case_id, version)
);

CREATE TABLE milestones (
    id UUID PRIMARY KEY,
    agreement_id UUID NOT NULL REFERENCES agreements(id),
    case_id UUID NOT NULL REFERENCES cases(id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    owner_id UUID NOT NULL REFERENCES users(id),
    due_at BIGINT NOT NULL,
    third_party TEXT,
    reached_at BIGINT,
    reached_by UUID REFERENCES users(id),
    note TEXT,
    -- When its timer found it past due and not reached.
    overdue_at BIGINT
);
CREATE INDEX milestones_agreement ON milestones (agreement_id, position);
CREATE INDEX milestones_owner ON milestones (owner_id, reached_at);

-- Changes an accepted agreement makes to a customer's contract, waiting for someone to
-- carry them into the contract.
CREATE TABLE contract_reviews (
    id UUID PRIMARY KEY,
    agreement_id UUID NOT NULL REFERENCES agreements(id),
    case_id UUID NOT NULL REFERENCES cases(id),
    organization_id UUID REFERENCES organizations(id),
    change TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    reviewed_by UUID REFERENCES users(id),
    reviewed_at BIGINT
);
CREATE INDEX contract_reviews_open ON contract_reviews (reviewed_at, created_at);

-- Keys this installation signs its links with (agreement and survey links in emails),
-- made on first use; every node reads the same one.
CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    secret BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);
