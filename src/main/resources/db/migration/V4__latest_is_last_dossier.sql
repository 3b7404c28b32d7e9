-- When one submission holds several dossiers of one pilot (沈阳-2026Q1.yaml, 沈阳-2026Q2.yaml),
-- the pilot's latest is the last of them in the upload's name order, not the first: the index
-- of V2 in the order the dashboard now asks, so each pilot's first row is still read from it.
CREATE INDEX dossier_result_city_newest_last ON dossier_result (city, submission_id DESC, evaluation_id DESC, position DESC);
DROP INDEX dossier_result_city_newest;
