-- A case whose language nothing decided yet: opened without a language asked for, without
-- the contact's preferred language and without text to detect it from. The customer's first
-- message decides it then. Existing cases keep theirs. Keep in step with
-- ../postgres/0013_case_language_undecided.sql.
ALTER TABLE cases ADD COLUMN language_undecided INTEGER NOT NULL DEFAULT 0;
