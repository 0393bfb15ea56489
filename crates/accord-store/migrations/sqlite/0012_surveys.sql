-- Surveys and follow-ups (issue 6, E1 and D6). Keep in step with ../postgres/0012_surveys.sql.

-- A survey sent to a contact: by a case's follow-up, or by a supervisor. Its emailed links
-- are signed for its id (never stored); it is answered once.
CREATE TABLE survey_requests (
    id BLOB PRIMARY KEY,
    survey_id TEXT NOT NULL,
    -- The policy version whose survey it is (its questions and scale).
    policy_version BIGINT NOT NULL,
    -- csat | nps | ces | custom
    kind TEXT NOT NULL,
    contact_id BLOB NOT NULL REFERENCES contacts(id),
    case_id BLOB REFERENCES cases(id),
    language TEXT NOT NULL,
    anonymous BOOLEAN NOT NULL,
    -- What the answer is about: the case's assignee, team and channel when it was sent.
    agent_id BLOB REFERENCES users(id),
    team_id BLOB REFERENCES teams(id),
    channel TEXT,
    sent_by BLOB REFERENCES users(id),
    sent_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX survey_requests_contact ON survey_requests (contact_id, sent_at);
CREATE INDEX survey_requests_case ON survey_requests (case_id);

-- Answers. An anonymous survey's answer keeps no request, case or agent: nothing leads
-- back to who gave it.
CREATE TABLE survey_responses (
    id BLOB PRIMARY KEY,
    request_id BLOB UNIQUE REFERENCES survey_requests(id),
    survey_id TEXT NOT NULL,
    policy_version BIGINT NOT NULL,
    kind TEXT NOT NULL,
    case_id BLOB REFERENCES cases(id),
    agent_id BLOB REFERENCES users(id),
    team_id BLOB REFERENCES teams(id),
    channel TEXT,
    language TEXT NOT NULL,
    -- The headline (first) question's score; every question's as a JSON object id -> score.
    score BIGINT NOT NULL,
    scores TEXT NOT NULL,
    comment TEXT,
    negative BOOLEAN NOT NULL,
    answered_at BIGINT NOT NULL
);
CREATE INDEX survey_responses_answered ON survey_responses (answered_at);

-- When the contact was last sent a survey: nobody is asked more often than the policy's
-- survey_gap_days.
ALTER TABLE contacts ADD COLUMN last_surveyed_at BIGINT;
