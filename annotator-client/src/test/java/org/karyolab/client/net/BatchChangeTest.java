package org.karyolab.client.net;

import org.karyolab.schema.api.BatchOperation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Box;

/** The status is the workflow's (issue 10, item 11): no change the client sends carries one. */
class BatchChangeTest {

    private static Annotation with(AnnotationStatus status) {
        return new Annotation("a-1", "img", new Box(1, 2, 3, 4), AnnotationLabels.EMPTY, Provenance.human("ana"), 3, status,
                null, null);
    }

    @Test
    void noCreateNorUpdateSendsAStatus() {
        for (AnnotationStatus status : AnnotationStatus.values()) {
            assertThat(BatchOperation.create(with(status)).annotation().status()).as("create of %s", status).isNull();
            assertThat(BatchOperation.update(with(status), 3).annotation().status()).as("update of %s", status).isNull();
            assertThat(BatchOperation.create(with(status)).withTarget("a-2").annotation().status()).isNull();
        }
    }
}
