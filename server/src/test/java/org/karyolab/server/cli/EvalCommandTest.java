package org.karyolab.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code karyolab eval adir} on a small made-up data set in the ADIR layout (tests never read the real one). */
class EvalCommandTest {

    @TempDir
    Path data;

    private void caseInfo(String folder, byte[] content) throws IOException {
        Files.createDirectories(data.resolve(folder));
        Files.write(data.resolve(folder).resolve("case-info.txt"), content);
    }

    @Test
    void everyCaseGetsARowAndTheCountsAddUp() throws IOException {
        caseInfo("A01__XY", "46,XY".getBytes(StandardCharsets.US_ASCII));
        caseInfo("P08__29", "44,XY,-11, -22\n8,10,13 on edge of image".getBytes(StandardCharsets.US_ASCII));
        caseInfo("V15__41", "47,XX,+r(9)acare Hermann Cytogenetics\nPatient Name:\0\nResults:".getBytes(StandardCharsets.US_ASCII));
        caseInfo("V26__55", "45,XX,-11,t(X;4)".getBytes(StandardCharsets.US_ASCII));
        caseInfo("V27__01", "45,XX,t(9;22)".getBytes(StandardCharsets.US_ASCII));
        caseInfo("X01__01", "Patient Name:\r\n46,XY,+25\r\n".getBytes(StandardCharsets.US_ASCII));
        caseInfo("X02__02", "no karyotype here".getBytes(StandardCharsets.US_ASCII));
        Files.createDirectories(data.resolve("A23__EX")); // a folder without case-info.txt
        Path out = data.resolve("report.md");

        CommandLine cli = KaryoLabCli.commandLine();
        StringWriter stdout = new StringWriter();
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("eval", "adir", "--dataset", data.toString(), "--out", out.toString());

        assertThat(exit).isZero();
        String report = stdout.toString();
        assertThat(Files.readString(out)).isEqualTo(report);
        assertThat(report).contains("Cases with a case-info.txt: 7 of 8 folders");
        assertThat(report).contains("| parsed | 1 |").contains("| parsed with warnings | 4 |").contains("| error | 1 |")
                .contains("| no karyotype line found | 1 |").contains("| parsed, and `Iscn.check` accepts it | 4 |")
                .contains("| parsed, but `Iscn.check` refuses it | 1 |");
        assertThat(report).contains("| P08__29 | `44,XY,-11, -22⏎8,10,13 on edge of image` | parsed with warnings | `44,XY,-11,-22` | 10: unexpected space after ',' | accepts |");
        assertThat(report).contains("| V15__41 |").contains("`47,XX,+r(9)` | 11: no breakpoints after r(9)");
        assertThat(report).contains("ignored trailing text 'acare Hermann Cytogenetics'");
        // the karyotype line is found below a header line, and its error is positioned in that line
        assertThat(report).contains("| X01__01 |").contains("| error |  | 7: expected a chromosome 1-22, X or Y |");
        // a sex chromosome's balanced translocation, the X listed among the sex chromosomes too, changes no count
        assertThat(report.lines().filter(l -> l.startsWith("| V26__55 |"))).singleElement().satisfies(row -> assertThat(row)
                .startsWith("| V26__55 | `45,XX,-11,t(X;4)` | parsed with warnings | `45,XX,-11,t(X;4)` | 16: no breakpoints after t(X;4)")
                .endsWith("| accepts |  |"));
        // the check's verdict is reported beside the parse: this one parses, but its count is wrong
        assertThat(report).contains("| V27__01 | `45,XX,t(9;22)` | parsed with warnings | `45,XX,t(9;22)` |")
                .contains("| refuses | 0: the count says 45 but the sex chromosomes and changes listed give 46");
    }

    @Test
    void aMissingDatasetIsAUsageError() {
        CommandLine cli = KaryoLabCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("eval", "adir", "--dataset", data.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a directory");
    }
}
