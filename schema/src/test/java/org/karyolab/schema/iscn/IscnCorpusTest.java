package org.karyolab.schema.iscn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The written corpora: karyotypes that parse and round-trip, broken ones with their errors, and checker findings. */
class IscnCorpusTest {

    static List<String[]> rows(String resource) {
        var rows = new ArrayList<String[]>();
        try (var in = new BufferedReader(new InputStreamReader(IscnCorpusTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<String> canonicalCorpus() {
        return rows("valid.tsv").stream().filter(r -> r.length == 2).map(r -> r[0]).toList();
    }

    @Test
    void theCorporaAreLargeEnough() {
        assertThat(rows("valid.tsv")).hasSizeGreaterThanOrEqualTo(120);
        assertThat(canonicalCorpus()).hasSizeGreaterThanOrEqualTo(120);
        assertThat(rows("invalid.tsv")).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void theCanonicalCorpusUsesEveryConstruct() {
        String all = String.join("\n", canonicalCorpus());
        for (String construct : List.of("~", "del(", "dup(", "inv(", "t(", "der(", "i(", "r(", "ins(", "add(", "dic(", "idic(",
                "rob(", "trp(", "+mar", "+2mar", "dmin", "hsr(", "fra(", "?", "c,", "mat", "pat", "dn", "mos ", "chi ", "[cp",
                "idem", ",sl,", ",sdl,", "sdl1", "inc", ")dup(", "t(1;3;5)(p36;q21;q31)", "q10", "qter")) {
            assertThat(all).as(construct).contains(construct);
        }
    }

    @TestFactory
    Stream<DynamicTest> validKaryotypesParseAndRoundTrip() {
        return rows("valid.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0], () -> {
            boolean lenient = r.length > 2;
            String canonical = r[1].equals("=") ? r[0] : r[1];
            IscnResult result = Iscn.parse(r[0], lenient ? Mode.LENIENT : Mode.STRICT);
            assertThat(result).as(r[0]).isInstanceOf(IscnResult.Parsed.class);
            var parsed = (IscnResult.Parsed) result;
            assertThat(Iscn.write(parsed.karyotype())).isEqualTo(canonical);
            assertThat(parsed.warnings()).as("warnings").hasSize(lenient ? Integer.parseInt(r[2]) : 0);
            // The canonical text parses back to the same tree, in either mode, without warnings.
            if (lenient && canonicalNeedsLenience(canonical)) {
                // Breakpoints are still missing: lenient mode reads the canonical text back, warning again.
                assertThat(Iscn.parse(canonical, Mode.LENIENT).orThrow()).isEqualTo(parsed.karyotype());
            } else {
                for (Mode mode : Mode.values()) {
                    assertThat(Iscn.parse(canonical, mode)).as("%s %s", mode, canonical)
                            .isEqualTo(new IscnResult.Parsed(parsed.karyotype(), List.of()));
                }
            }
            if (!lenient) {
                assertThat(Iscn.check(parsed.karyotype())).as("checker on %s", canonical).isEmpty();
            }
        }));
    }

    /** M-FISH style rearrangements without breakpoints stay lenient-only even when written canonically. */
    private static boolean canonicalNeedsLenience(String canonical) {
        return Iscn.parse(canonical, Mode.STRICT) instanceof IscnResult.Failed f
                && f.errors().getFirst().message().contains("with the breakpoints");
    }

    @TestFactory
    Stream<DynamicTest> brokenKaryotypesFailWhereExpected() {
        return rows("invalid.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0] + " " + r[1], () -> {
            IscnResult result = Iscn.parse(r[1], Mode.valueOf(r[0]));
            assertThat(result).as(r[1]).isInstanceOf(IscnResult.Failed.class);
            IscnIssue error = ((IscnResult.Failed) result).errors().getFirst();
            assertThat(error.column()).as("column of %s", error).isEqualTo(Integer.parseInt(r[2]));
            assertThat(error.message()).contains(r[3]);
            if (r.length > 4) {
                assertThat(error.fix()).isEqualTo(r[4]);
                // A fix repairs this problem: the same error does not come back at the same place.
                if (Iscn.parse(error.fix(), Mode.STRICT) instanceof IscnResult.Failed again) {
                    assertThat(again.errors().getFirst()).isNotEqualTo(error);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> theCheckerFindsWhatTheGrammarCannot() {
        return rows("checks.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0], () -> {
            Karyotype k = Iscn.parse(r[0], Mode.STRICT).orThrow();
            List<IscnIssue> issues = Iscn.check(k);
            assertThat(issues).as("%s", issues).anySatisfy(issue -> {
                assertThat(issue.message()).contains(r[2]);
                assertThat(issue.column()).isEqualTo(Integer.parseInt(r[1]));
            });
        }));
    }
}
