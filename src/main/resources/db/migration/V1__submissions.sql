-- The store of submissions (docs/store.md). One schema for H2 and PostgreSQL: only types and
-- statements both accept. Nothing here is updated in place: a re-check adds an evaluation.

-- a dossier's bytes exactly as received, stored once however often they are submitted
CREATE TABLE stored_file (
    sha256     CHAR(64) PRIMARY KEY,
    size_bytes BIGINT   NOT NULL,
    content    BYTEA    NOT NULL
);

-- ids are made by the program, time-ordered: newest first is id order, on every database,
-- and an exported submission keeps its id when imported elsewhere
CREATE TABLE submission (
    id          VARCHAR(32)  PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    submitter   VARCHAR(200),
    source      VARCHAR(8)   NOT NULL CHECK (source IN ('page', 'api', 'cli', 'import')),
    file_count  INTEGER      NOT NULL
);

CREATE TABLE submission_file (
    submission_id VARCHAR(32)   NOT NULL REFERENCES submission (id),
    position      INTEGER       NOT NULL,
    name          VARCHAR(1000) NOT NULL,
    sha256        CHAR(64)      NOT NULL REFERENCES stored_file (sha256),
    PRIMARY KEY (submission_id, position),
    UNIQUE (submission_id, name)
);

CREATE TABLE evaluation (
    id                VARCHAR(32)  PRIMARY KEY,
    submission_id     VARCHAR(32)  NOT NULL REFERENCES submission (id),
    evaluated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reason            VARCHAR(16)  NOT NULL CHECK (reason IN ('submitted', 'recheck')),
    rules_fingerprint VARCHAR(100) NOT NULL,
    rule_count        INTEGER      NOT NULL,
    tool_version      VARCHAR(40)  NOT NULL,
    as_of             DATE
);
CREATE INDEX evaluation_submission ON evaluation (submission_id, id);

-- one row a dossier an evaluation checked; the submission's id repeated so that a pilot's
-- latest dossier is one index lookup
CREATE TABLE dossier_result (
    evaluation_id VARCHAR(32)   NOT NULL REFERENCES evaluation (id),
    position      INTEGER       NOT NULL,
    submission_id VARCHAR(32)   NOT NULL REFERENCES submission (id),
    file_name     VARCHAR(1000) NOT NULL,
    city          VARCHAR(100),
    city_en       VARCHAR(100),
    province_zh   VARCHAR(100),
    province_en   VARCHAR(100),
    as_of         DATE,
    verdict       VARCHAR(16)   NOT NULL,
    violations    INTEGER       NOT NULL,
    warnings      INTEGER       NOT NULL,
    pending       INTEGER       NOT NULL,
    errors        INTEGER       NOT NULL,
    waived        INTEGER       NOT NULL,
    PRIMARY KEY (evaluation_id, position)
);
CREATE INDEX dossier_result_city ON dossier_result (city, submission_id, evaluation_id);

CREATE TABLE finding (
    evaluation_id    VARCHAR(32)  NOT NULL,
    dossier_position INTEGER      NOT NULL,
    position         INTEGER      NOT NULL,
    rule_id          VARCHAR(100) NOT NULL,
    severity         VARCHAR(16)  NOT NULL,
    clause           VARCHAR(100) NOT NULL,
    path             VARCHAR(1000) NOT NULL,
    file_name        VARCHAR(1000) NOT NULL,
    line             INTEGER      NOT NULL,
    col              INTEGER      NOT NULL,
    message_zh       VARCHAR      NOT NULL,
    message_en       VARCHAR      NOT NULL,
    waiver           VARCHAR,
    PRIMARY KEY (evaluation_id, dossier_position, position),
    FOREIGN KEY (evaluation_id, dossier_position) REFERENCES dossier_result (evaluation_id, position)
);
