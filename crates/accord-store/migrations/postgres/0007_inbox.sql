-- The inbox (issue 5): cases sorted by their next clock due, through an index.
-- Keep in step with ../sqlite/0007_inbox.sql.

-- When the case's soonest running clock reaches its target: the smallest case_clocks.due_at,
-- or the largest BIGINT when no clock runs, so "soonest due first" puts those last and the
-- column needs no NULL handling in the index. Kept by the trigger below.
ALTER TABLE cases ADD COLUMN next_due_at BIGINT NOT NULL DEFAULT 9223372036854775807;
UPDATE cases SET next_due_at = COALESCE(
    (SELECT MIN(k.due_at) FROM case_clocks k WHERE k.case_id = cases.id), 9223372036854775807);
CREATE INDEX cases_next_due ON cases (next_due_at, id);

CREATE FUNCTION case_clocks_next_due() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed UUID;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD.case_id;
    ELSE
        changed := NEW.case_id;
    END IF;
    UPDATE cases SET next_due_at = COALESCE(
        (SELECT MIN(k.due_at) FROM case_clocks k WHERE k.case_id = changed), 9223372036854775807)
    WHERE id = changed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_clocks_next_due AFTER INSERT OR UPDATE OF due_at OR DELETE ON case_clocks
    FOR EACH ROW EXECUTE FUNCTION case_clocks_next_due();

-- "Awaiting approval": cases with a pending remedy request.
CREATE INDEX remedy_grants_pending_case ON remedy_grants (status, case_id);
