-- Surveys (问卷): the operator's questionnaires and each subscriber's answers.

-- A survey's definition is the contract's `Survey` as JSON (questions, kinds, skip logic,
-- both languages); the server loads them from its built-in file on every start.
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    definition TEXT NOT NULL,
    -- Listed and answerable; an inactive survey keeps its answers for staff.
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);

-- One response per subscriber per survey: saved answers (`in_progress`), then final
-- (`submitted`). `answers` is the contract's answers map as JSON.
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id),
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    answers TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'submitted')),
    updated_at INTEGER NOT NULL,
    submitted_at INTEGER,
    CHECK ((state = 'submitted') = (submitted_at IS NOT NULL)),
    UNIQUE (survey_id, subscriber_id)
);

-- Results: a survey's submitted responses, newest first.
CREATE INDEX survey_responses_by_state ON survey_responses (survey_id, state, submitted_at);
