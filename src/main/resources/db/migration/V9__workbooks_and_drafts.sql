-- Dossiers entered as the city's workbook (docs/spec/entry.md): the workbook is kept as received
-- and the YAML it was read as beside it, so history, diff and export see both; a finding in a
-- workbook is at a cell, whose sheet the row and column need. NULL for a YAML dossier.
ALTER TABLE submission_file ADD COLUMN form_sha256 CHAR(64) REFERENCES stored_file (sha256);
ALTER TABLE finding ADD COLUMN sheet VARCHAR(100);
ALTER TABLE finding ADD COLUMN sheet_index INTEGER;

-- a pilot's form saved as a draft (保存草稿): the fields exactly as typed, as JSON, one a pilot;
-- seen only on the pilot's form, gone when the form is submitted
CREATE TABLE dossier_draft (
    city     VARCHAR(100) PRIMARY KEY,
    fields   VARCHAR      NOT NULL,
    saved_by VARCHAR(200) NOT NULL,
    saved_at TIMESTAMP WITH TIME ZONE NOT NULL
);
