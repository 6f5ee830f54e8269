package org.karyolab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.karyolab.learning.graph.CellBuilder;
import org.karyolab.learning.graph.DerivedChromosome;
import org.karyolab.learning.graph.ObservedBand;
import org.karyolab.learning.graph.ObservedChromosome;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.server.ApiContractOnEachDatabase;
import org.karyolab.server.TestApi;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/karyotype/parse|check|lgf|read}: any signed-in caller, no project; invalid karyotypes are 422 with a
 * violation at /karyotype that gives the column and the fix, malformed bodies 400.
 */
class KaryotypeApiContract extends ApiContractOnEachDatabase {

    private TestApi someone() {
        return admin.newUser("someone"); // no project, no role: signed in is enough
    }

    @Test
    void parseGivesTheTypedTreeAndTheCanonicalText() {
        TestApi.Response r = someone().post("/api/v1/karyotype/parse", """
                {"karyotype": "47,XY,+der(22)t(9;22)(q34;q11.2)mat"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("canonical").asText()).isEqualTo("47,XY,+der(22)t(9;22)(q34;q11.2)mat");
        assertThat(body.path("mode").asText()).isEqualTo("strict");
        assertThat(body.path("warnings")).isEmpty();
        JsonNode line = body.at("/karyotype/cellLines/0");
        assertThat(line.at("/count/low").asInt()).isEqualTo(47);
        assertThat(line.at("/reference/kind").asText()).isEqualTo("sex");
        assertThat(line.at("/reference/x").asInt()).isEqualTo(1);
        assertThat(line.at("/reference/y").asInt()).isEqualTo(1);
        JsonNode entry = line.at("/entries/0");
        assertThat(entry.path("text").asText()).isEqualTo("+der(22)t(9;22)(q34;q11.2)mat");
        assertThat(entry.path("sign").asText()).isEqualTo("gain");
        assertThat(entry.path("origin").asText()).isEqualTo("mat");
        assertThat(entry.at("/abnormality/kind").asText()).isEqualTo("derivative");
        assertThat(entry.at("/abnormality/chromosomes/0").asText()).isEqualTo("22");
        JsonNode t = entry.at("/abnormality/events/0");
        assertThat(t.path("type").asText()).isEqualTo("t");
        assertThat(t.path("chromosomes").toString()).isEqualTo("[\"9\",\"22\"]");
        assertThat(t.path("breakpoints").toString()).isEqualTo("[[\"q34\"],[\"q11.2\"]]");
    }

    @Test
    void parseReadsMosaicsClonesAndUncertainBreakpoints() {
        JsonNode mos = admin.post("/api/v1/karyotype/parse", "{\"karyotype\": \"mos 45,X[15]/46,XX[5]\"}").json();
        assertThat(mos.at("/karyotype/mosaicism").asText()).isEqualTo("mos");
        assertThat(mos.at("/karyotype/cellLines/1/cells/count").asInt()).isEqualTo(5);
        JsonNode clone = admin.post("/api/v1/karyotype/parse",
                "{\"karyotype\": \"46,XX,del(1)(q21~q24)[10]/47,idem,+?8[cp5]\"}").json();
        assertThat(clone.at("/karyotype/cellLines/0/entries/0/abnormality/breakpoints/0/0").asText()).isEqualTo("q21~q24");
        assertThat(clone.at("/karyotype/cellLines/1/reference/kind").asText()).isEqualTo("idem");
        assertThat(clone.at("/karyotype/cellLines/1/cells/composite").asBoolean()).isTrue();
        assertThat(clone.at("/karyotype/cellLines/1/entries/0/questioned").asBoolean()).isTrue();
        assertThat(clone.at("/karyotype/cellLines/1/entries/0/abnormality/chromosome").asText()).isEqualTo("8");
    }

    @Test
    void lenientModeTakesLabTextAndSaysWhatItForgave() {
        TestApi.Response r = admin.post("/api/v1/karyotype/parse", """
                {"karyotype": "36,XY,-1,-3,-4,-9,-9,-14,-16,-16,-18-,18", "mode": "lenient"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("canonical").asText()).isEqualTo("36,XY,-1,-3,-4,-9,-9,-14,-16,-16,-18,-18");
        assertThat(r.json().at("/warnings/0/column").asInt()).isEqualTo(36);
        assertThat(r.json().at("/warnings/0/fix").asText()).isEqualTo("36,XY,-1,-3,-4,-9,-9,-14,-16,-16,-18,-18");
        // the same text in strict mode is refused at the same column, with the same fix
        TestApi.Response strict = admin.post("/api/v1/karyotype/parse", """
                {"karyotype": "36,XY,-1,-3,-4,-9,-9,-14,-16,-16,-18-,18"}""");
        assertThat(strict.status()).isEqualTo(422);
        assertThat(strict.json().at("/violations/0/message").asText()).contains("column 36")
                .contains("did you mean '36,XY,-1,-3,-4,-9,-9,-14,-16,-16,-18,-18'");
    }

    @Test
    void anInvalidKaryotypeIs422AtKaryotypeWithTheColumnAndTheFix() {
        TestApi.Response r = admin.post("/api/v1/karyotype/parse", "{\"karyotype\": \"46,XY,t(9,22)(q34;q11.2)\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode v = r.json().at("/violations/0");
        assertThat(v.path("pointer").asText()).isEqualTo("/karyotype");
        assertThat(v.path("message").asText()).startsWith("column 9: ").contains("did you mean '46,XY,t(9;22)(q34;q11.2)'");
        assertThat(r.json().path("detail").asText()).contains("strict mode").contains("column 9");

        for (String path : List.of("/check", "/lgf")) {
            TestApi.Response bad = admin.post("/api/v1/karyotype" + path, "{\"karyotype\": \"46,XY,+25\"}");
            assertThat(bad.status()).as(path).isEqualTo(422);
            assertThat(bad.json().at("/violations/0/pointer").asText()).isEqualTo("/karyotype");
            assertThat(bad.json().at("/violations/0/message").asText()).startsWith("column 7: ").contains("1-22, X or Y");
        }
    }

    @Test
    void badModeLevelOrMissingKaryotypeAre422AtTheirField() {
        TestApi.Response r = admin.post("/api/v1/karyotype/lgf", "{\"mode\": \"sloppy\", \"level\": 123}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> pointers = new ArrayList<>();
        r.json().path("violations").forEach(v -> pointers.add(v.path("pointer").asText()));
        assertThat(pointers).containsExactly("/karyotype", "/mode", "/level");
        assertThat(r.json().at("/violations/2/message").asText()).contains("400, 550, 850");
    }

    @Test
    void malformedBodiesAre400() {
        for (String body : List.of("not json", "[1,2]", "{\"karyotype\": 46}", "{\"karyotype\": \"46,XX\", \"extra\": 1}", "null")) {
            TestApi.Response r = admin.post("/api/v1/karyotype/parse", body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().path("type").asText()).isEqualTo("urn:karyolab:problem:malformed");
        }
        TestApi.Response read = admin.post("/api/v1/karyotype/read", "{\"chromosomes\": [{\"bands\": [{\"origin\": 9}]}]}");
        assertThat(read.status()).as(read.body()).isEqualTo(400);
    }

    @Test
    void anonymousCallersAreRefused() {
        TestApi.Response r = admin.anonymous().post("/api/v1/karyotype/parse", "{\"karyotype\": \"46,XX\"}");
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void checkListsTheCheckersFindingsWithColumnsIntoTheCanonicalText() {
        TestApi.Response ok = admin.post("/api/v1/karyotype/check", "{\"karyotype\": \"47,XX,+21\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("valid").asBoolean()).isTrue();
        assertThat(ok.json().path("issues")).isEmpty();

        TestApi.Response r = admin.post("/api/v1/karyotype/check", "{\"karyotype\": \"46, XX,del(5)(q36)\", \"mode\": \"lenient\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("valid").asBoolean()).isFalse();
        assertThat(body.path("canonical").asText()).isEqualTo("46,XX,del(5)(q36)");
        assertThat(body.at("/warnings/0/column").asInt()).isEqualTo(3);
        assertThat(body.at("/issues/0/column").asInt()).isEqualTo(13);
        assertThat(body.at("/issues/0/message").asText()).contains("5q36 is not a band of chromosome 5");
        assertThat(body.path("canonical").asText().substring(13)).startsWith("q36");
    }

    @Test
    void lgfGivesLossGainAndFusionPerBand() {
        TestApi.Response r = admin.post("/api/v1/karyotype/lgf", "{\"karyotype\": \"46,XY,t(9;22)(q34;q11.2)\", \"level\": 400}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode line = r.json().at("/cellLines/0");
        assertThat(r.json().path("level").asInt()).isEqualTo(400);
        assertThat(line.path("changes")).as("a balanced translocation changes no copy number").isEmpty();
        List<String> fusions = new ArrayList<>();
        line.path("fusions").forEach(f -> fusions.add(f.asText()));
        assertThat(fusions).containsExactlyInAnyOrder("22q11.2::9q34", "9q34::22q11.2");

        JsonNode del = admin.post("/api/v1/karyotype/lgf", "{\"karyotype\": \"46,XX,del(5)(q13q33)\"}").json().at("/cellLines/0");
        assertThat(del.path("lostBands").asInt()).isEqualTo(del.path("changes").size()).isGreaterThan(3);
        assertThat(del.at("/changes/0/band").asText()).isEqualTo("5q13");
        assertThat(del.at("/changes/0/loss").asInt()).isEqualTo(1);
        assertThat(del.path("fusions").toString()).isEqualTo("[\"5q13::5q33\"]");

        JsonNode mosaic = admin.post("/api/v1/karyotype/lgf", "{\"karyotype\": \"mos 47,XX,+21[8]/46,XX[12]\", \"level\": 550}").json();
        assertThat(mosaic.path("cellLines")).hasSize(2);
        assertThat(mosaic.at("/cellLines/0/gainedBands").asInt()).isGreaterThan(0);
        assertThat(mosaic.at("/cellLines/1/changes")).isEmpty();
    }

    @Test
    void lgfOfATranslocationWithoutBreakpointsIs422() {
        TestApi.Response r = admin.post("/api/v1/karyotype/lgf", "{\"karyotype\": \"46,XY,t(9;22)\", \"mode\": \"lenient\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().at("/violations/0/pointer").asText()).isEqualTo("/karyotype");
        assertThat(r.json().at("/violations/0/message").asText()).contains("breakpoints missing").contains("t(9;22)(q34;q11.2)");
    }

    @Test
    void readNamesTheEventsFromObservedBands() {
        // the observed cell: what CellBuilder makes of the karyotype, reduced to band names, sent as JSON
        String expected = "46,XY,t(9;22)(q34.1;q11.2)";
        List<DerivedChromosome> cell = CellBuilder.build(Iscn.parse(expected).orThrow(), BandLevel.B550);
        StringBuilder body = new StringBuilder("{\"level\": 550, \"chromosomes\": [");
        for (int i = 0; i < cell.size(); i++) {
            ObservedChromosome c = ObservedChromosome.of(cell.get(i));
            body.append(i == 0 ? "" : ",").append("{\"ring\": ").append(c.ring()).append(", \"bands\": [");
            for (int j = 0; j < c.bands().size(); j++) {
                ObservedBand b = c.bands().get(j);
                // the band without its chromosome, as a person would type it after choosing the origin
                body.append(j == 0 ? "" : ",").append("{\"origin\": \"").append(b.origin().label())
                        .append("\", \"band\": \"").append(b.band().withChromosome(null)).append("\"}");
            }
            body.append("]}");
        }
        body.append("]}");
        TestApi.Response r = admin.post("/api/v1/karyotype/read", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode reading = r.json();
        assertThat(reading.path("level").asInt()).isEqualTo(550);
        assertThat(reading.path("iscn").asText()).isEqualTo(expected);
        assertThat(reading.path("evidence")).hasSize(46);
        List<String> calls = new ArrayList<>();
        reading.path("evidence").forEach(e -> calls.add(e.path("call").asText()));
        assertThat(calls).anyMatch(c -> c.contains("t(9;22)(q34.1;q11.2)"));
        assertThat(reading.at("/evidence/0/matches/0/origin").isTextual()).isTrue();
        assertThat(reading.at("/karyotype/cellLines/0/entries/0/abnormality/type").asText()).isEqualTo("t");
    }

    @Test
    void readTakesUnknownMaterialAndRings() {
        // a ring 7 (r(7)(p22q36) keeps 7p21..7q35) and unknown material: both reach the reader
        String expected = "46,XX,r(7)(p22q36)";
        List<DerivedChromosome> cell = CellBuilder.build(Iscn.parse(expected).orThrow(), BandLevel.B400);
        StringBuilder body = new StringBuilder("{\"chromosomes\": [");
        for (int i = 0; i < cell.size(); i++) {
            ObservedChromosome c = ObservedChromosome.of(cell.get(i));
            body.append(i == 0 ? "" : ",").append("{\"ring\": ").append(c.ring()).append(", \"bands\": [");
            for (int j = 0; j < c.bands().size(); j++) {
                ObservedBand b = c.bands().get(j);
                body.append(j == 0 ? "" : ",").append("{\"origin\": \"").append(b.origin().label())
                        .append("\", \"band\": \"").append(b.band()).append("\"}");
            }
            body.append("]}");
        }
        body.append(",{\"bands\": [{}, {\"band\": \"?\"}]}]}");
        TestApi.Response r = admin.post("/api/v1/karyotype/read", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("level").asInt()).as("400 when not given").isEqualTo(400);
        assertThat(r.json().path("iscn").asText()).contains("r(7)(p22q36)").contains("+mar");
    }

    @Test
    void readRefusesBandsThatAreNotAtTheLevelWithAPointerToEach() {
        TestApi.Response r = admin.post("/api/v1/karyotype/read", """
                {"level": 550, "chromosomes": [{"bands": [{"origin": "9", "band": "q34"}, {"origin": "9", "band": "q99"},
                  {"origin": "25", "band": "q11"}, {"origin": "9", "band": "22q11.2"}]}]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> pointers = new ArrayList<>();
        r.json().path("violations").forEach(v -> pointers.add(v.path("pointer").asText()));
        assertThat(pointers).containsExactly("/chromosomes/0/bands/0/band", "/chromosomes/0/bands/1/band",
                "/chromosomes/0/bands/2/origin", "/chromosomes/0/bands/3/band");
        assertThat(r.json().at("/violations/0/message").asText()).contains("9q34 is not a band at 550").contains("9q34.1");

        TestApi.Response empty = admin.post("/api/v1/karyotype/read", "{\"level\": 550, \"chromosomes\": []}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().at("/violations/0/pointer").asText()).isEqualTo("/chromosomes");
    }


    /** A read body: {@code chromosomes} chromosomes of {@code bands} bands each, drawn in turn from {@code pool}. */
    private static String readBody(int chromosomes, int bands, List<String> pool) {
        StringBuilder body = new StringBuilder("{\"level\": 850, \"chromosomes\": [");
        int k = 0;
        for (int i = 0; i < chromosomes; i++) {
            body.append(i == 0 ? "" : ",").append("{\"bands\": [");
            for (int j = 0; j < bands; j++, k++) body.append(j == 0 ? "" : ",").append(pool.get(k % pool.size()));
            body.append("]}");
        }
        return body.append("]}").toString();
    }

    /** Bands of chromosomes 1 and 2 at 850, interleaved: every band its own run, the reader's hardest case. */
    private static List<String> interleavedBands() {
        var ideogram = org.karyolab.schema.ideogram.Ideograms.at(BandLevel.B850);
        var one = ideogram.bands(org.karyolab.schema.ChromosomeClass.parse("1"));
        var two = ideogram.bands(org.karyolab.schema.ChromosomeClass.parse("2"));
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < Math.min(one.size(), two.size()); i++) {
            pool.add("{\"origin\": \"1\", \"band\": \"" + one.get(i).name().withChromosome(null) + "\"}");
            pool.add("{\"origin\": \"2\", \"band\": \"" + two.get(i).name().withChromosome(null) + "\"}");
        }
        return pool;
    }

    @Test
    void aReadAtItsLimitsHasABoundedAnswerAndOneOverThemIsRefusedBeforeReading() {
        TestApi viewer = admin.newUser("vic"); // any signed-in caller; no project needed
        List<String> pool = interleavedBands();
        TestApi.Response largest = viewer.post("/api/v1/karyotype/read", readBody(25, 400, pool)); // 10,000 bands
        assertThat(largest.status()).as(largest.body().substring(0, Math.min(400, largest.body().length()))).isEqualTo(200);
        assertThat(largest.body().length()).as("the answer of the largest read").isLessThan(8 * 1024 * 1024);

        TestApi.Response tooManyBands = viewer.post("/api/v1/karyotype/read", readBody(26, 400, pool)); // 10,400
        assertThat(tooManyBands.status()).isEqualTo(422);
        assertThat(tooManyBands.json().at("/violations/0/pointer").asText()).isEqualTo("/chromosomes");
        assertThat(tooManyBands.json().at("/violations/0/message").asText()).contains("10000 bands in all");
        assertThat(viewer.post("/api/v1/karyotype/read", readBody(201, 1, pool)).status()).isEqualTo(422);
        assertThat(viewer.post("/api/v1/karyotype/read", readBody(1, 401, pool)).status()).isEqualTo(422);
    }

    @Test
    void aProblemListsAtMostAHundredViolationsAndHowManyThereWere() {
        TestApi.Response r = admin.post("/api/v1/karyotype/read",
                readBody(25, 400, List.of("{\"origin\": \"9\", \"band\": \"q99\"}")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("violations")).hasSize(100);
        assertThat(r.json().path("violationCount").asInt()).isEqualTo(10_000);
    }
}
