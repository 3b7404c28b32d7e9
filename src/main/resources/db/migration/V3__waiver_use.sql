-- What became of each waiver given for an evaluation's run (applied, expired, unused, not
-- applicable), in the waivers file's order: the reports list them, and an expired one fails the run.
CREATE TABLE waiver_use (
    evaluation_id VARCHAR(32) NOT NULL REFERENCES evaluation (id),
    position      INTEGER     NOT NULL,
    status        VARCHAR(16) NOT NULL,
    matched       INTEGER     NOT NULL,
    waiver        VARCHAR     NOT NULL,
    PRIMARY KEY (evaluation_id, position)
);
