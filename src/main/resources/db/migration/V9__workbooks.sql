-- Dossiers entered as the city's workbook (docs/spec/entry.md): the workbook is kept as received
-- and the YAML it was read as beside it, so history, diff and export see both; a finding in a
-- workbook is at a cell, whose sheet the row and column need. NULL for a YAML dossier.
ALTER TABLE submission_file ADD COLUMN form_sha256 CHAR(64) REFERENCES stored_file (sha256);
ALTER TABLE finding ADD COLUMN sheet VARCHAR(100);
ALTER TABLE finding ADD COLUMN sheet_index INTEGER;
