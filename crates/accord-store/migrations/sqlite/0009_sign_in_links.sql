-- The customer portal's email links (issue 5, F2): sign-in links ("magic links") and sign-up
-- confirmations. Only a SHA-256 of the secret is kept; a link works once, before it expires.
-- Keep in step with ../postgres/0009_sign_in_links.sql.
CREATE TABLE sign_in_links (
    token_hash BLOB PRIMARY KEY,
    -- sign_in | sign_up
    purpose TEXT NOT NULL,
    email TEXT NOT NULL,
    -- What a sign-up asked for (name, language, password hash), JSON.
    data TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX sign_in_links_email ON sign_in_links (email, created_at);
