-- Review rows name what was reviewed, version 10. Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL 17.
--
-- An annotation's review row named only the revision its decision made (`revision`). It now also names
-- the revision the reviewer decided on (`reviewed_revision`: the submitted content they looked at), so that
-- "accepted" can be checked against exactly that content even after the annotation moved on. A decision
-- always made the revision right after the reviewed one, so the rows written before are filled in as such.
ALTER TABLE reviews ADD COLUMN reviewed_revision BIGINT;
UPDATE reviews SET reviewed_revision = revision - 1 WHERE revision IS NOT NULL;
ALTER TABLE reviews ADD CONSTRAINT reviews_of_the_reviewed_revision FOREIGN KEY (annotation_id, reviewed_revision)
    REFERENCES annotation_revisions (annotation_id, revision);
