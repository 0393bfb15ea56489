-- Service policy versions (PRODUCT.md B2). Keep in step with ../sqlite/0002_policy.sql.
-- A version is a TOML document; drafts may be edited, published versions never change.

CREATE TABLE policy_versions (
    id UUID PRIMARY KEY,
    number BIGINT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    briefing TEXT NOT NULL,
    review_by TEXT,
    effective_at BIGINT,
    created_by UUID REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_by UUID REFERENCES users(id),
    published_at BIGINT
);
CREATE INDEX policy_versions_effective ON policy_versions (status, effective_at);

-- Customers kept on the previous version until a date, after a version takes effect.
CREATE TABLE policy_grace (
    version_id UUID NOT NULL REFERENCES policy_versions(id),
    organization_id UUID NOT NULL REFERENCES organizations(id),
    until_at BIGINT NOT NULL,
    PRIMARY KEY (version_id, organization_id)
);

-- Staff attesting they have read a published version and its briefing.
CREATE TABLE policy_acknowledgements (
    version_id UUID NOT NULL REFERENCES policy_versions(id),
    user_id UUID NOT NULL REFERENCES users(id),
    at BIGINT NOT NULL,
    PRIMARY KEY (version_id, user_id)
);

-- The version that governs each case (its number), recorded on the case and in its events.
ALTER TABLE cases ADD COLUMN policy_version BIGINT REFERENCES policy_versions(number);
CREATE INDEX cases_policy_version ON cases (policy_version, status);
