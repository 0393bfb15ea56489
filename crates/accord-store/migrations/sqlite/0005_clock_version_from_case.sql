-- A clock runs under its case's policy version (cases.policy_version): stored once per
-- case, so a publication rewrites only the clocks whose target, procedure or calendar
-- changed. Keep in step with ../postgres/0005_clock_version_from_case.sql.
-- SQLite cannot drop a column that carries a foreign key: the table is rebuilt.
CREATE TABLE case_clocks_next (
    case_id BLOB NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    calendar_id TEXT NOT NULL,
    target_us BIGINT NOT NULL,
    started_at BIGINT NOT NULL,
    counted_us BIGINT NOT NULL,
    running_since BIGINT,
    paused_at BIGINT,
    met_at BIGINT,
    pausable BOOLEAN NOT NULL,
    due_at BIGINT,
    breached_at BIGINT,
    checked_us BIGINT,
    PRIMARY KEY (case_id, kind)
) WITHOUT ROWID;
INSERT INTO case_clocks_next
SELECT case_id, kind, procedure_id, calendar_id, target_us, started_at, counted_us,
       running_since, paused_at, met_at, pausable, due_at, breached_at, checked_us
FROM case_clocks;
DROP TABLE case_clocks;
ALTER TABLE case_clocks_next RENAME TO case_clocks;
CREATE INDEX case_clocks_due ON case_clocks (due_at) WHERE due_at IS NOT NULL;
