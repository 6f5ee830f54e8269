package org.karyolab.schema.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Violation;
import org.karyolab.schema.iscn.IscnIssue;
import org.karyolab.schema.json.Decoded;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.schema.shape.Box;

/** The wire contract's own rules: how a batch is keyed and checked, and what a problem or a page leaves out. */
class WireContractTest {

    private static final Annotation A = new Annotation("a-1", "img", new Box(1, 2, 3, 4), AnnotationLabels.EMPTY,
            Provenance.human("ana"), 3, AnnotationStatus.DRAFT, null, null);

    @Test
    void aBatchChangeIsKeyedOnOpAndReadBackAsItsKind() {
        String json = SchemaJson.write(new BatchRequest(List.of(BatchOperation.create(A), BatchOperation.update(A, 3),
                BatchOperation.delete("a-1", 4))));
        assertThat(json).contains("{\"op\":\"create\",\"annotation\":{\"id\":\"a-1\"")
                .contains("{\"op\":\"update\",\"id\":\"a-1\",\"revision\":3,\"annotation\":")
                .contains("{\"op\":\"delete\",\"id\":\"a-1\",\"revision\":4}");
        var read = (Decoded.Ok<BatchRequest>) SchemaJson.readStructure(json, BatchRequest.class);
        assertThat(read.value().changes()).extracting(BatchOperation::op).containsExactly("create", "update", "delete");
        assertThat(read.value().changes()).extracting(BatchOperation::target).containsOnly("a-1");
    }

    @Test
    void aMalformedBatchNamesEveryPointerAtOnce() {
        String json = """
                {"changes": [{"op": "rename", "id": "x"}, {"op": "update", "annotation": {"shape": {"type": "box",
                "x": 1, "y": 1, "width": 5, "height": 5}}}, {"op": "delete", "id": "x", "revision": 0},
                {"op": "create", "id": "beside", "annotation": {}}, {"id": "no-op"}, null]}""";
        var invalid = (Decoded.Invalid<BatchRequest>) SchemaJson.readStructure(json, BatchRequest.class);
        assertThat(invalid.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder("/changes/0/op",
                "/changes/1/id", "/changes/1/revision", "/changes/2/revision", "/changes/3/id", "/changes/4/op", "/changes/5");
        assertThat(invalid.violations()).filteredOn(v -> v.pointer().equals("/changes/0/op")).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("unknown op 'rename', expected one of create, update, delete"));
        assertThat(SchemaJson.readStructure("{}", BatchRequest.class)).isInstanceOfSatisfying(Decoded.Invalid.class,
                i -> assertThat(i.violations()).extracting(v -> ((Violation) v).pointer()).containsExactly("/changes"));
    }

    @Test
    void aProblemSendsOnlyTheMembersItHas() {
        assertThat(SchemaJson.write(Problem.of(404, Problem.NOT_FOUND, "Not found", "no image with id 'x'", List.of())))
                .isEqualTo("{\"type\":\"urn:karyolab:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"no image with id 'x'\"}");
        Problem placed = Problem.of(422, Problem.VALIDATION, "Invalid content", "not ISCN",
                List.of(new Violation("/karyotype", "column 9: expected ';'"))).withIssues(List.of(new IscnIssue(9, "expected ';'", null)));
        Problem read = SchemaJson.mapper().convertValue(SchemaJson.mapper().valueToTree(placed), Problem.class);
        assertThat(read).isEqualTo(placed);
        assertThat(read.name()).isEqualTo(Problem.VALIDATION);
        assertThat(read.issues()).containsExactly(new IscnIssue(9, "expected ';'", null));
        var many = java.util.stream.IntStream.range(0, 150).mapToObj(i -> new Violation("/" + i, "bad")).toList();
        Problem capped = Problem.of(400, Problem.MALFORMED, "Malformed", "many", many).atMost(100);
        assertThat(capped.violations()).hasSize(100);
        assertThat(capped.violationCount()).isEqualTo(150);
    }

    @Test
    void theLastPageSaysSoAndEveryEventKindHasItsName() {
        assertThat(SchemaJson.write(new Page<>(List.of("a"), null))).isEqualTo("{\"items\":[\"a\"],\"next\":null}");
        for (String name : ServerEvent.TYPE_NAMES) {
            assertThat(ServerEvent.kind(name)).as(name).isPresent();
        }
        assertThat(ServerEvent.kind("from-a-newer-server")).isEmpty();
        assertThat(new ServerEvent.Resync("reload").type()).isEqualTo("resync");
    }
}
