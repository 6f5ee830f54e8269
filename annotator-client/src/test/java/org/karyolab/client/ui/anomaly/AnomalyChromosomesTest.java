package org.karyolab.client.ui.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.ChromosomeClass;

/** An anomaly naming chromosomes the annotation is not: the warning the anomaly editor shows (10.7). */
class AnomalyChromosomesTest {

    @Test
    void anAnomalyOfAnotherChromosomeIsWarnedOneThatNamesThisOneIsNot() {
        assertThat(AnomalyChromosomes.mismatches("del(5)(q13q33)", ChromosomeClass.C7))
                .containsExactly("del(5)(q13q33) names chromosome 5, but this annotation is chromosome 7: "
                        + "is the right chromosome selected, or its class right?");
        assertThat(AnomalyChromosomes.mismatches("del(5)(q13q33)", ChromosomeClass.C5)).isEmpty();
        // a translocation is about both of its chromosomes
        assertThat(AnomalyChromosomes.mismatches("t(9;22)(q34;q11.2)", ChromosomeClass.C22)).isEmpty();
        assertThat(AnomalyChromosomes.mismatches("t(9;22)(q34;q11.2)", ChromosomeClass.C7)).singleElement()
                .asString().contains("names chromosomes 9 and 22");
        // a derivative with its events; a whole chromosome; one of two anomalies
        assertThat(AnomalyChromosomes.mismatches("der(22)t(9;22)(q34;q11.2)", ChromosomeClass.C9)).isEmpty();
        assertThat(AnomalyChromosomes.mismatches("+8", ChromosomeClass.C7)).singleElement().asString().startsWith("+8 names chromosome 8");
        assertThat(AnomalyChromosomes.mismatches("del(7)(q22),i(X)(q10)", ChromosomeClass.C7)).singleElement().asString()
                .startsWith("i(X)(q10) names chromosome X");
    }

    @Test
    void nothingIsJudgedWithoutAClassOrAChromosomeOrWhatDoesNotParse() {
        assertThat(AnomalyChromosomes.mismatches("del(5)(q13q33)", null)).isEmpty();
        assertThat(AnomalyChromosomes.mismatches("mar", ChromosomeClass.C7)).isEmpty();
        assertThat(AnomalyChromosomes.mismatches("del(5)(q13q33", ChromosomeClass.C7)).isEmpty();
        assertThat(AnomalyChromosomes.mismatches("", ChromosomeClass.C7)).isEmpty();
        assertThat(AnomalyChromosomes.named("t(9;22)(q34;q11.2)")).containsExactly(ChromosomeClass.C9, ChromosomeClass.C22);
    }
}
