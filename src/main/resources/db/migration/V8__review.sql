-- The review loop (docs/spec/review.md): reporting periods, each pilot's steps through a period
-- (submitted, in review, returned, accepted, withdrawn, reopened), reviewers' decisions on
-- findings, comments, and the notifications they send. Every table here is only ever added to:
-- a state is the last step, a decision the last one on its finding, so history is never lost.

CREATE TABLE period (
    name       VARCHAR(100)  PRIMARY KEY,
    due        DATE          NOT NULL,
    -- the date its dossiers are checked at (default: the due date)
    as_of      DATE          NOT NULL,
    -- the pilots expected to submit (their annex names, one a line), or null for all 45
    pilots     VARCHAR(4000),
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by  VARCHAR(100)  NOT NULL,
    closed_at  TIMESTAMP WITH TIME ZONE,
    closed_by  VARCHAR(100)
);

-- the period a submission was sent for; null: outside any period (desktop mode, period=none)
ALTER TABLE submission ADD COLUMN period VARCHAR(100) REFERENCES period (name);

CREATE TABLE review_step (
    id            VARCHAR(32)   PRIMARY KEY,
    period        VARCHAR(100)  NOT NULL REFERENCES period (name),
    city          VARCHAR(100)  NOT NULL,
    submission_id VARCHAR(32)   REFERENCES submission (id),
    step          VARCHAR(16)   NOT NULL
                  CHECK (step IN ('submitted', 'in_review', 'returned', 'accepted', 'withdrawn', 'reopened')),
    actor         VARCHAR(100)  NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    note          VARCHAR(4000)
);
CREATE INDEX review_step_pilot ON review_step (period, city, id);

CREATE TABLE decision (
    id            VARCHAR(32)   PRIMARY KEY,
    submission_id VARCHAR(32)   NOT NULL REFERENCES submission (id),
    city          VARCHAR(100)  NOT NULL,
    -- a finding as diff matches it across submissions: its rule and the dossier path it is at
    rule_id       VARCHAR(100)  NOT NULL,
    path          VARCHAR(1000) NOT NULL,
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('must_fix', 'waived', 'noted')),
    reason        VARCHAR(2000),
    -- a waiver's last day
    until_day     DATE,
    author        VARCHAR(100)  NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX decision_submission ON decision (submission_id, city, id);
CREATE INDEX decision_waiver ON decision (city, kind, until_day);

CREATE TABLE review_comment (
    id            VARCHAR(32)   PRIMARY KEY,
    submission_id VARCHAR(32)   NOT NULL REFERENCES submission (id),
    city          VARCHAR(100)  NOT NULL,
    -- the finding it is on, or null for the submission as a whole
    rule_id       VARCHAR(100),
    path          VARCHAR(1000),
    author        VARCHAR(100)  NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    body          VARCHAR(8000) NOT NULL
);
CREATE INDEX review_comment_submission ON review_comment (submission_id, city, id);

CREATE TABLE notification (
    id            VARCHAR(32)   PRIMARY KEY,
    account       VARCHAR(100)  NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    period        VARCHAR(100),
    city          VARCHAR(100),
    submission_id VARCHAR(32),
    actor         VARCHAR(100),
    detail        VARCHAR(4000),
    read_at       TIMESTAMP WITH TIME ZONE,
    mailed_at     TIMESTAMP WITH TIME ZONE,
    -- what makes a reminder one of its kind: several instances computing it insert it once
    once_key      VARCHAR(400)  UNIQUE
);
CREATE INDEX notification_account ON notification (account, id);
CREATE INDEX notification_unmailed ON notification (mailed_at, id);

-- where an account's notifications are mailed, and in which language (zh or en); an account
-- without an address has its notifications on its inbox page only
CREATE TABLE account_contact (
    account VARCHAR(100) PRIMARY KEY REFERENCES account (name),
    email   VARCHAR(320),
    lang    VARCHAR(8)   NOT NULL DEFAULT 'zh'
);
