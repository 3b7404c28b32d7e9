-- A pilot's newest dossier first: the dashboard asks each pilot's first row of this order and a
-- pilot's page its newest few, each read from the index's start instead of sorting all of the
-- pilot's rows (bench/NOTES.md). H2 reads an index in one direction only, hence this order; it
-- also serves every lookup the index of V1 served, which each submission would otherwise write.
CREATE INDEX dossier_result_city_newest ON dossier_result (city, submission_id DESC, evaluation_id DESC, position);
DROP INDEX dossier_result_city;
