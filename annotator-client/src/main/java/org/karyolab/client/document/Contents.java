package org.karyolab.client.document;

import java.util.Objects;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.Provenance;

/** Comparing what an annotation says, not its bookkeeping (revision, times, who the server recorded). */
public final class Contents {

    private Contents() {
    }

    /**
     * Same shape, labels, status and provenance source/model. The author is left out on purpose:
     * the server writes the signed-in caller as author, whatever the client sent.
     */
    public static boolean same(Annotation a, Annotation b) {
        if (a == null || b == null) return a == b;
        return Objects.equals(a.shape(), b.shape()) && Objects.equals(a.labels(), b.labels())
                && Objects.equals(a.status(), b.status()) && sameOrigin(a.provenance(), b.provenance());
    }

    private static boolean sameOrigin(Provenance a, Provenance b) {
        if (a == null || b == null) return a == b;
        return a.source() == b.source() && Objects.equals(a.modelId(), b.modelId())
                && Objects.equals(a.modelVersion(), b.modelVersion());
    }

    /** {@code content}'s shape, labels, provenance and status on {@code bookkeeping}'s id, image, revision and times. */
    public static Annotation withContent(Annotation bookkeeping, Annotation content) {
        return bookkeeping.withContent(content.shape(), content.labels(), content.provenance()).withStatus(content.status());
    }
}
