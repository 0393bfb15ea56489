-- Supervisor views (issue 5): the escalations that ran, newest first, and each member of
-- staff's clocks over a period. Keep in step with ../sqlite/0008_supervision.sql.
CREATE INDEX case_events_kind_at ON case_events (kind, at);
CREATE INDEX case_clocks_started ON case_clocks (started_at);
