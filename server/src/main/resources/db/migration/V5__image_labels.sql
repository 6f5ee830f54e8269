-- Image labels, version 5: the karyotype of the whole cell and quality flags (ImageLabels), with a revision
-- so two experts cannot silently overwrite each other. Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL 17.

-- The current labels: one row per image once someone set them (no row: ImageLabels.EMPTY at revision 0).
CREATE TABLE image_labels (
    image_id    VARCHAR(64)  PRIMARY KEY REFERENCES images (id),
    revision    BIGINT       NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    doc         TEXT         NOT NULL,               -- ImageLabels
    CONSTRAINT image_labels_positive CHECK (revision >= 1)
);

-- The history: one row per saved revision; rows are only ever inserted (like annotation_revisions).
CREATE TABLE image_label_revisions (
    image_id    VARCHAR(64)  NOT NULL REFERENCES images (id),
    revision    BIGINT       NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    doc         TEXT         NOT NULL,               -- ImageLabels, complete, as of this revision
    PRIMARY KEY (image_id, revision)
);
