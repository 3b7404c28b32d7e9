-- Accounts, their sessions and tokens, failed logins and the audit log (docs/spec/access.md).
-- A store with an account is in shared mode. Secrets are never kept: a password as its
-- Argon2id hash, a session id and a token as their SHA-256, so a copy of the database opens no
-- session and calls no API.

CREATE TABLE account (
    name          VARCHAR(100)  PRIMARY KEY,
    display_name  VARCHAR(200),
    role          VARCHAR(16)   NOT NULL CHECK (role IN ('admin', 'reviewer', 'submitter')),
    -- a reviewer's provinces (their Chinese names, one a line), or null for all pilots
    provinces     VARCHAR(2000),
    -- a submitter's pilot city (its name in the annex)
    city          VARCHAR(100),
    password_hash VARCHAR(200)  NOT NULL,
    active        BOOLEAN       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE login_session (
    id_sha256    CHAR(64)     PRIMARY KEY,
    account      VARCHAR(100) NOT NULL REFERENCES account (name),
    csrf         CHAR(64)     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX login_session_account ON login_session (account);

CREATE TABLE api_token (
    id            VARCHAR(32)  PRIMARY KEY,
    account       VARCHAR(100) NOT NULL REFERENCES account (name),
    label         VARCHAR(200) NOT NULL,
    scope         VARCHAR(16)  NOT NULL CHECK (scope IN ('submit', 'read', 'metrics')),
    secret_sha256 CHAR(64)     NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE
);

-- failed logins of the last minutes, for the lock-outs by name and by address
CREATE TABLE login_failure (
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    name    VARCHAR(100) NOT NULL,
    address VARCHAR(64)  NOT NULL
);
CREATE INDEX login_failure_name ON login_failure (name, at);
CREATE INDEX login_failure_address ON login_failure (address, at);

-- append-only: the application never updates or deletes a row; ids are time-ordered
CREATE TABLE audit (
    id      VARCHAR(32)   PRIMARY KEY,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor   VARCHAR(100)  NOT NULL,
    address VARCHAR(64),
    action  VARCHAR(40)   NOT NULL,
    object  VARCHAR(200),
    detail  VARCHAR(2000)
);
