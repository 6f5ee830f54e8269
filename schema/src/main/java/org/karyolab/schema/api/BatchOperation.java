package org.karyolab.schema.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.Violation;

/**
 * One change of a batch save ({@code POST /api/v1/images/{imageId}/annotations/batch}), keyed on {@code op}
 * as a shape is on {@code type}. A create carries its (client-made) id in {@code annotation.id}, so sending it
 * twice cannot make two annotations; an update and a delete name the revision they were based on (If-Match
 * semantics). The annotator's journal stores exactly these, so a journal line is what will be sent.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = BatchOperation.Create.class, name = "create"),
    @JsonSubTypes.Type(value = BatchOperation.Update.class, name = "update"),
    @JsonSubTypes.Type(value = BatchOperation.Delete.class, name = "delete")
})
public sealed interface BatchOperation extends WellFormed {

    /** The JSON {@code op} names, in declaration order. */
    List<String> OP_NAMES = List.of("create", "update", "delete");

    record Create(AnnotationDraft annotation) implements BatchOperation {
        /** None: a create is based on no revision. */
        @Override
        public Long revision() {
            return null;
        }

        @Override
        public List<Violation> malformations() {
            return annotation == null ? List.of(new Violation("/annotation", "annotation is required for create")) : List.of();
        }
    }

    record Update(String id, Long revision, AnnotationDraft annotation) implements BatchOperation {
        @Override
        public List<Violation> malformations() {
            var out = new ArrayList<Violation>();
            named(id, revision, "update", out);
            if (annotation == null) out.add(new Violation("/annotation", "annotation is required for update"));
            return out;
        }
    }

    record Delete(String id, Long revision) implements BatchOperation {
        /** None: a delete carries no annotation. */
        @Override
        public AnnotationDraft annotation() {
            return null;
        }

        @Override
        public List<Violation> malformations() {
            var out = new ArrayList<Violation>();
            named(id, revision, "delete", out);
            return out;
        }
    }

    /** The revision this change was based on; null for a create. */
    Long revision();

    /** The content sent; null for a delete. */
    AnnotationDraft annotation();

    /** The {@code op} name: create, update or delete. */
    default String op() {
        return switch (this) {
            case Create c -> "create";
            case Update u -> "update";
            case Delete d -> "delete";
        };
    }

    /** A create of {@code a} under its own id. */
    static BatchOperation create(Annotation a) {
        return new Create(AnnotationDraft.of(a, true));
    }

    /** An update of the revision this edit was based on. */
    static BatchOperation update(Annotation a, long basedOnRevision) {
        return new Update(a.id(), basedOnRevision, AnnotationDraft.of(a, false));
    }

    static BatchOperation delete(String id, long basedOnRevision) {
        return new Delete(id, basedOnRevision);
    }

    /** The annotation this change is about. */
    default String target() {
        return switch (this) {
            case Create c -> c.annotation().id();
            case Update u -> u.id();
            case Delete d -> d.id();
        };
    }

    /** The same change about {@code newId}. */
    default BatchOperation withTarget(String newId) {
        return switch (this) {
            case Create c -> new Create(c.annotation().withId(newId));
            case Update u -> new Update(newId, u.revision(), u.annotation());
            case Delete d -> new Delete(newId, d.revision());
        };
    }

    /** The same change based on {@code basedOn} instead (a create is based on none and stays as it is). */
    default BatchOperation withRevision(long basedOn) {
        return switch (this) {
            case Create c -> c;
            case Update u -> new Update(u.id(), basedOn, u.annotation());
            case Delete d -> new Delete(d.id(), basedOn);
        };
    }

    private static void named(String id, Long revision, String op, List<Violation> out) {
        if (id == null || id.isBlank()) out.add(new Violation("/id", "id is required for " + op));
        if (revision == null || revision < 1) {
            out.add(new Violation("/revision", "revision (the one you edited, at least 1) is required for " + op));
        }
    }
}
