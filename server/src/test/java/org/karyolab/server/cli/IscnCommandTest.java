package org.karyolab.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** {@code karyolab iscn parse|check|lgf}: JSON on stdout, exit 1 with a caret on stderr for an invalid karyotype. */
class IscnCommandTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void parsePrintsTheTreeAndTheCanonicalText() {
        CliRun r = run("iscn", "parse", "46,XX,t(8;21)(q22;q22)[10]/47,idem,+8[5]");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("canonical").asText()).isEqualTo("46,XX,t(8;21)(q22;q22)[10]/47,idem,+8[5]");
        assertThat(j.at("/karyotype/cellLines/0/entries/0/abnormality/type").asText()).isEqualTo("t");
        assertThat(j.at("/karyotype/cellLines/1/reference/kind").asText()).isEqualTo("idem");
        assertThat(j.at("/karyotype/cellLines/1/entries/0/text").asText()).isEqualTo("+8");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anInvalidKaryotypeExitsOneWithTheErrorAsJsonAndACaretOnStderr() {
        CliRun r = run("iscn", "parse", "46,XY,t(9;22)(q34;q11.2");
        assertThat(r.exit()).isEqualTo(IscnCommand.INVALID);
        assertThat(r.json().path("valid").asBoolean(true)).isFalse();
        assertThat(r.json().at("/errors/0/column").asInt()).isEqualTo(23);
        String[] lines = r.err().split("\n");
        assertThat(lines[0]).contains("column 23").contains("strict mode");
        assertThat(lines[1]).isEqualTo("  46,XY,t(9;22)(q34;q11.2");
        assertThat(lines[2]).isEqualTo("  " + " ".repeat(23) + "^");
    }

    @Test
    void lenientTakesLabTextWithWarningsAndStrictRefusesIt() {
        CliRun lenient = run("iscn", "parse", "--lenient", "46,XX,t(4;9)YUTUYTUY");
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.json().path("canonical").asText()).isEqualTo("46,XX,t(4;9)");
        assertThat(lenient.json().path("warnings")).hasSize(2);
        CliRun strict = run("iscn", "parse", "46,XX,t(4;9)YUTUYTUY");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err()).contains("--lenient");
    }

    @Test
    void checkExitsOneOnFindingsAndPointsIntoTheCanonicalText() {
        CliRun ok = run("iscn", "check", "47,XY,+21");
        assertThat(ok.exit()).isZero();
        assertThat(ok.json().path("valid").asBoolean()).isTrue();
        CliRun r = run("iscn", "check", "--lenient", "46,XX, del(9)(p25)");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("canonical").asText()).isEqualTo("46,XX,del(9)(p25)");
        assertThat(r.json().at("/issues/0/column").asInt()).isEqualTo(13);
        assertThat(r.json().at("/issues/0/message").asText()).contains("9p25 is not a band");
        assertThat(r.err()).contains("  46,XX,del(9)(p25)\n  " + " ".repeat(13) + "^");
    }

    @Test
    void lgfGivesChangesPerBandAtTheLevel() {
        CliRun r = run("iscn", "lgf", "47,XX,+21", "--level", "850");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode line = r.json().at("/cellLines/0");
        assertThat(r.json().path("level").asInt()).isEqualTo(850);
        assertThat(line.path("lostBands").asInt()).isZero();
        assertThat(line.path("gainedBands").asInt()).isEqualTo(line.path("changes").size()).isGreaterThan(10);
        line.path("changes").forEach(c -> assertThat(c.path("band").asText()).startsWith("21"));
    }

    @Test
    void lgfWithoutBreakpointsOrAtAnUnknownLevelFails() {
        CliRun r = run("iscn", "lgf", "--lenient", "46,XY,t(9;22)");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("error").asText()).contains("breakpoints missing");
        assertThat(r.err()).contains("t(9;22)(q34;q11.2)");
        CliRun level = run("iscn", "lgf", "46,XY", "--level", "123");
        assertThat(level.exit()).isEqualTo(2);
        assertThat(level.err()).contains("400, 550, 850");
    }
}
