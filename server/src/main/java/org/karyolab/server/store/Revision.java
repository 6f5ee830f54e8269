package org.karyolab.server.store;

import org.karyolab.schema.Annotation;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One entry of an annotation's history: who changed it, when, how, and the complete annotation
 * as it was after that change.
 *
 * @param revertedTo for {@link ChangeKind#REVERTED}: the revision whose content was restored
 * @param deleted    whether the annotation was deleted as of this revision
 */
public record Revision(
        String annotationId,
        long revision,
        ChangeKind kind,
        String changedBy,
        Instant changedAt,
        boolean deleted,
        OptionalLong revertedTo,
        Annotation annotation) {}
