package org.karyolab.client.ui.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.iscn.IscnIssue;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ideogram.Ideograms;

/** The anomaly editor's plain-Java parts: reading the server's positioned errors, local repairs, splitting, the reading's runs. */
class IscnCheckTest {

    @Test
    void theServersPlacedIssuesAreRead() {
        String text = "46,XY,t(9,22)(q34;q11.2)";
        var problem = Problem.of(422, Problem.VALIDATION, "Invalid content", "not a valid ISCN karyotype",
                List.of(new Violation("/karyotype", "column 9: expected ';' or ')' after the chromosome (did you mean '46,XY,t(9;22)(q34;q11.2)'?)")))
                .withIssues(List.of(new IscnIssue(9, "expected ';' or ')' after the chromosome", "46,XY,t(9;22)(q34;q11.2)"),
                        new IscnIssue(23, "expected another band, ';' or ')' in the breakpoints but the text ended", null)));
        var issues = KaryotypeApi.errors(problem, text);
        assertThat(issues).hasSize(2);
        assertThat(issues.getFirst().column()).isEqualTo(9);
        assertThat(issues.getFirst().message()).isEqualTo("expected ';' or ')' after the chromosome");
        assertThat(issues.getFirst().fix()).isEqualTo("46,XY,t(9;22)(q34;q11.2)");
        assertThat(issues.getFirst().text()).isEqualTo(text);
        assertThat(issues.get(1).column()).isEqualTo(23);
        assertThat(issues.get(1).fix()).isNull();
        // A problem with no placed issue (the text is missing, say): its violation, unplaced.
        var unplaced = KaryotypeApi.errors(Problem.of(422, Problem.VALIDATION, "Invalid content", "not a karyotype request",
                List.of(new Violation("/karyotype", "give the karyotype in ISCN"))), "x");
        assertThat(unplaced).singleElement().satisfies(i -> {
            assertThat(i.column()).isEqualTo(-1);
            assertThat(i.message()).isEqualTo("give the karyotype in ISCN");
        });
    }

    @Test
    void localRepairsBalanceParenthesesAndDropTrailingCommas() {
        assertThat(IscnCheck.localFix("46,XY,t(9;22)(q34;q11.2")).isEqualTo("46,XY,t(9;22)(q34;q11.2)");
        assertThat(IscnCheck.localFix("46,XY,del(5)(q13q33))")).isEqualTo("46,XY,del(5)(q13q33)");
        assertThat(IscnCheck.localFix("47,XX,+21,")).isEqualTo("47,XX,+21");
        assertThat(IscnCheck.localFix("47,XX,+21")).isNull();
    }

    @Test
    void anomalyListsSplitAtTopLevelCommasOnly() {
        assertThat(IscnCheck.splitAnomalies("t(9;22)(q34;q11.2), +8")).containsExactly("t(9;22)(q34;q11.2)", "+8");
        assertThat(IscnCheck.splitAnomalies("der(1)t(1;3)(p36;q21)")).containsExactly("der(1)t(1;3)(p36;q21)");
        assertThat(IscnCheck.splitAnomalies("  ")).isEmpty();
    }

    @Test
    void theReadingGroupsAdjacentBandsAndNamesWholeChromosomes() {
        var whole8 = Ideograms.at(BandLevel.B400).bands(ChromosomeClass.C8).stream()
                .map(b -> new KaryotypeApi.BandChange(b.name().toString(), 0, 1)).toList();
        var changes = new ArrayList<>(whole8);
        changes.add(new KaryotypeApi.BandChange("5q13", 1, 0));
        changes.add(new KaryotypeApi.BandChange("5q14", 1, 0));
        var reading = new KaryotypeApi.Reading(400, List.of(new KaryotypeApi.CellLineReading("47,XY,+8", changes, List.of("9q34::22q11.2"))));
        List<String> lines = IscnCheck.summarize(reading, BandLevel.B400);
        assertThat(lines).containsExactly("Gain    chromosome 8 (whole)", "Loss    5q13\u20135q14", "Fusion  9q34::22q11.2");
        var none = new KaryotypeApi.Reading(400, List.of(new KaryotypeApi.CellLineReading("46,XY", List.of(), List.of())));
        assertThat(IscnCheck.summarize(none, BandLevel.B400)).containsExactly("No gain, loss or fusion");
    }
}
