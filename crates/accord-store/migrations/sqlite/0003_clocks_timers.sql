-- Service clocks of cases (PRODUCT.md C1) and durable timers (C3).
-- Keep in step with ../postgres/0003_clocks_timers.sql.

-- One row per clock of a case: first_response, next_update, resolution. Times are
-- microseconds since the Unix epoch; durations are microseconds of working time.
CREATE TABLE case_clocks (
    case_id BLOB NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    policy_version BIGINT NOT NULL REFERENCES policy_versions(number),
    procedure_id TEXT NOT NULL,
    calendar_id TEXT NOT NULL,
    target_us BIGINT NOT NULL,
    started_at BIGINT NOT NULL,
    counted_us BIGINT NOT NULL,
    running_since BIGINT,
    paused_at BIGINT,
    met_at BIGINT,
    pausable BOOLEAN NOT NULL,
    -- When the target is reached if the clock keeps running (NULL while paused or met).
    due_at BIGINT,
    -- When the timer found it past its target.
    breached_at BIGINT,
    -- Working time up to which its thresholds (warnings, breach, escalations) were handled.
    checked_us BIGINT,
    PRIMARY KEY (case_id, kind)
) WITHOUT ROWID; -- SQLite: the key is the row, so writes update one B-tree, not two
CREATE INDEX case_clocks_due ON case_clocks (due_at) WHERE due_at IS NOT NULL;

-- Durable timers. A key names what a timer is for; scheduling the same key again replaces
-- it and raises its generation, so a firing that started on the old one cannot complete.
-- A node leases due timers before firing them; a lease that runs out (the node died) lets
-- another node take them. Firing deletes the row in the transaction that does the work.
CREATE TABLE timers (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    case_id BLOB REFERENCES cases(id),
    due_at BIGINT NOT NULL,
    generation BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    attempts BIGINT NOT NULL,
    last_error TEXT,
    created_at BIGINT NOT NULL
) WITHOUT ROWID;
CREATE INDEX timers_due ON timers (due_at);

-- What the escalation chain (C2) tells a member of staff: a case and why.
CREATE TABLE notifications (
    id BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users(id),
    case_id BLOB REFERENCES cases(id),
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);
