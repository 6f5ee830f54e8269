-- Deleting images and projects, version 8. Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL 17.
--
-- A delete is soft: the row stays, marked, and every query of the server skips it (the image or
-- project answers 404, leaves lists, the queue and the guard). Its annotations, their history, its
-- reviews and its bytes are kept: KaryoLab has no dataset releases yet, and whatever a release will
-- freeze must still be there when it is published. A later release mechanism decides what may be purged.
ALTER TABLE images ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE images ADD COLUMN deleted_by VARCHAR(100);
ALTER TABLE projects ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE projects ADD COLUMN deleted_by VARCHAR(100);

-- The same bytes uploaded twice into one project are recognised by their SHA-256 (ImageRepository.add).
CREATE INDEX images_by_project_sha256 ON images (project_id, sha256);
