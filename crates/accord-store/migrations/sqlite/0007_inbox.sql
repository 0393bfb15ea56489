-- The inbox (issue 5): cases sorted by their next clock due, through an index.
-- Keep in step with ../postgres/0007_inbox.sql.

-- When the case's soonest running clock reaches its target: the smallest case_clocks.due_at,
-- or the largest BIGINT when no clock runs, so "soonest due first" puts those last and the
-- column needs no NULL handling in the index. Kept by the triggers below.
ALTER TABLE cases ADD COLUMN next_due_at BIGINT NOT NULL DEFAULT 9223372036854775807;
UPDATE cases SET next_due_at = COALESCE(
    (SELECT MIN(k.due_at) FROM case_clocks k WHERE k.case_id = cases.id), 9223372036854775807);
CREATE INDEX cases_next_due ON cases (next_due_at, id);

CREATE TRIGGER case_clocks_next_due_insert AFTER INSERT ON case_clocks BEGIN
    UPDATE cases SET next_due_at = COALESCE(
        (SELECT MIN(k.due_at) FROM case_clocks k WHERE k.case_id = NEW.case_id), 9223372036854775807)
    WHERE id = NEW.case_id;
END;
CREATE TRIGGER case_clocks_next_due_update AFTER UPDATE OF due_at ON case_clocks BEGIN
    UPDATE cases SET next_due_at = COALESCE(
        (SELECT MIN(k.due_at) FROM case_clocks k WHERE k.case_id = NEW.case_id), 9223372036854775807)
    WHERE id = NEW.case_id;
END;
CREATE TRIGGER case_clocks_next_due_delete AFTER DELETE ON case_clocks BEGIN
    UPDATE cases SET next_due_at = COALESCE(
        (SELECT MIN(k.due_at) FROM case_clocks k WHERE k.case_id = OLD.case_id), 9223372036854775807)
    WHERE id = OLD.case_id;
END;

-- "Awaiting approval": cases with a pending remedy request.
CREATE INDEX remedy_grants_pending_case ON remedy_grants (status, case_id);
