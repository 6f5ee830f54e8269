package org.karyolab.client.ui.pickers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.shape.Box;

/** What a cluster type would clear, in words (the dialog itself: LabelPickersFxTest). */
class ClusterConfirmTest {

    private static Annotation with(AnnotationLabels labels) {
        return new Annotation("a" + labels.hashCode(), "img", new Box(1, 1, 10, 10), labels, Provenance.human("ana"), 1,
                AnnotationStatus.DRAFT, null, null);
    }

    @Test
    void everyLabelThatWouldGoIsNamedAndOnlyClustersOfSeveralChromosomesClearAnything() {
        var seven = with(new AnnotationLabels(ChromosomeClass.C7, Polarity.P_DOWN, null,
                List.of(new BandCall(BandName.parse("7q21"), 0.2, 0.4)), List.of()));
        var bare = with(AnnotationLabels.ofClass(null, null));
        assertThat(ClusterConfirm.losses(List.of(seven, bare), ClusterType.OVERLAPPING))
                .containsExactly("class 7, polarity p down, 1 band call");
        assertThat(ClusterConfirm.losses(List.of(seven), ClusterType.INSTANCE)).isEmpty();
        assertThat(ClusterConfirm.losses(List.of(seven), null)).isEmpty();
        assertThat(ClusterConfirm.typeName(ClusterType.TOUCHING_OVERLAPPING)).isEqualTo("touching-overlapping");
    }

    @Test
    void aLongListIsCutWithACount() {
        var losses = new ArrayList<String>();
        for (int i = 1; i <= 12; i++) losses.add("class " + i);
        String text = ClusterConfirm.message("touching", losses);
        assertThat(text).startsWith("12 annotations lose:").contains("class 8").doesNotContain("class 9\n").contains("and 4 more");
        assertThat(ClusterConfirm.message("touching", List.of("class 3"))).startsWith("This annotation loses:\n  \u2022 class 3");
    }
}
