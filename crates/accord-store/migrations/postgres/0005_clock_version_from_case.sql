-- A clock runs under its case's policy version (cases.policy_version): stored once per
-- case, so a publication rewrites only the clocks whose target, procedure or calendar
-- changed. Keep in step with ../sqlite/0005_clock_version_from_case.sql.
ALTER TABLE case_clocks DROP COLUMN policy_version;
