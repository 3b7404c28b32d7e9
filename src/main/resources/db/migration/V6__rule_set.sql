-- Rule sets published into the store (pilotcheck rules publish): numbered, never changed. Every
-- instance serving the store checks with the newest one, so two instances never disagree; its
-- files' bytes are kept in stored_file, once however often they are published.
CREATE TABLE rule_set (
    number       INTEGER      PRIMARY KEY,
    fingerprint  VARCHAR(100) NOT NULL,
    rule_count   INTEGER      NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by VARCHAR(200),
    note         VARCHAR(2000)
);

CREATE TABLE rule_set_file (
    rule_set INTEGER       NOT NULL REFERENCES rule_set (number),
    path     VARCHAR(1000) NOT NULL,
    sha256   CHAR(64)      NOT NULL REFERENCES stored_file (sha256),
    PRIMARY KEY (rule_set, path)
);
