-- What each edition of the rules (a fingerprint) said, in short: its rules' digests, its
-- parameters and which rules read which (RuleEdition's JSON, UTF-8). Written once, when the
-- first evaluation under those rules is kept; read to name what a change of the rules changed.
CREATE TABLE rule_edition (
    fingerprint VARCHAR(100) PRIMARY KEY,
    edition     BYTEA        NOT NULL
);
