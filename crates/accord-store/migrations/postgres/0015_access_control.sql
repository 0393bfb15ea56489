-- Cutting off access (issue 16, items 16 and 21): API tokens that expire, a user's
-- sessions and tokens found by user, and rate-limit counters shared by every node.
-- Keep in step with ../sqlite/0015_access_control.sql.

-- When a token stops working by itself (NULL: when revoked).
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);

-- Ending a user's sessions (password change, deactivation) reads them by user.
CREATE INDEX sessions_user ON sessions (user_id);

-- Rate limits (sign-in, sign-up, sign-in links, portal cases) counted in the database so
-- they hold across nodes: hits of one key in one fixed window. A hit is one conditional
-- upsert; rows are deleted once their window no longer counts (expires_at).
CREATE TABLE rate_limits (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limits_expiry ON rate_limits (expires_at);
