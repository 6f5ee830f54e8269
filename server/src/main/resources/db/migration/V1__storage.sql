-- KaryoLab storage, version 1. One script for H2 (MODE=PostgreSQL) and PostgreSQL 17:
-- plain types only (VARCHAR, BIGINT, BOOLEAN, TEXT, TIMESTAMP WITH TIME ZONE).
-- Documents (the domain records) are JSON text written by SchemaJson; the other columns exist
-- to be queried, joined or constrained.

CREATE TABLE projects (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    doc         TEXT         NOT NULL,               -- Project
    CONSTRAINT projects_name_unique UNIQUE (name)
);

-- Image metadata. The bytes live in the BlobStore, addressed by sha256.
CREATE TABLE images (
    id          VARCHAR(64)  PRIMARY KEY,
    project_id  VARCHAR(64)  NOT NULL REFERENCES projects (id),
    sha256      VARCHAR(64)  NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    doc         TEXT         NOT NULL                -- ImageAsset
);
CREATE INDEX images_by_project ON images (project_id, id);
CREATE INDEX images_by_sha256 ON images (sha256);

-- The history: one row per saved revision; rows are only ever inserted.
CREATE TABLE annotation_revisions (
    annotation_id VARCHAR(64)  NOT NULL,
    revision      BIGINT       NOT NULL,
    image_id      VARCHAR(64)  NOT NULL REFERENCES images (id),
    change_kind   VARCHAR(16)  NOT NULL,
    reverted_to   BIGINT,                            -- REVERTED only: the revision restored
    changed_by    VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    deleted       BOOLEAN      NOT NULL,
    doc           TEXT         NOT NULL,             -- Annotation, complete, as of this revision
    PRIMARY KEY (annotation_id, revision),
    CONSTRAINT revisions_kind CHECK (change_kind IN ('CREATED', 'UPDATED', 'DELETED', 'REVERTED')),
    CONSTRAINT revisions_positive CHECK (revision >= 1)
);

-- The current view: one row per annotation, always equal to its latest history row.
CREATE TABLE annotations_current (
    id          VARCHAR(64)  PRIMARY KEY,
    image_id    VARCHAR(64)  NOT NULL REFERENCES images (id),
    project_id  VARCHAR(64)  NOT NULL REFERENCES projects (id),
    revision    BIGINT       NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    deleted     BOOLEAN      NOT NULL,
    author      VARCHAR(200),                        -- Provenance.author (null for a model's suggestion)
    changed_by  VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    doc         TEXT         NOT NULL,
    CONSTRAINT current_is_in_history FOREIGN KEY (id, revision)
        REFERENCES annotation_revisions (annotation_id, revision)
);
CREATE INDEX annotations_current_by_image ON annotations_current (image_id, deleted);
CREATE INDEX annotations_current_by_project ON annotations_current (project_id, deleted, status);
