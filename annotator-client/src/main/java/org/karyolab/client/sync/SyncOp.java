package org.karyolab.client.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.function.UnaryOperator;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ImageLabels;
import org.karyolab.schema.shape.Shape;

/**
 * One request autosave owes the server, as the journal stores it (one JSON line each). The
 * revisions in it are what the server will have once every earlier op went through, so ops queued
 * while offline still carry If-Match semantics when they are finally sent, in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SyncOp.Batch.class, name = "batch"),
    @JsonSubTypes.Type(value = SyncOp.Accept.class, name = "accept"),
    @JsonSubTypes.Type(value = SyncOp.Reject.class, name = "reject"),
    @JsonSubTypes.Type(value = SyncOp.Restore.class, name = "restore"),
    @JsonSubTypes.Type(value = SyncOp.SetLabels.class, name = "labels")
})
public sealed interface SyncOp {

    /** How many annotation or suggestion changes this op carries (for the pending count). */
    int size();

    /** The same op about {@code newId} wherever it named {@code oldId}. */
    SyncOp renamed(String oldId, String newId);

    /** The same op without anything about {@code id}; null if nothing is left. */
    SyncOp without(String id);

    /** The annotations this op changes. */
    List<String> targets();

    /** POST .../annotations/batch. */
    record Batch(List<BatchOperation> changes) implements SyncOp {
        public Batch {
            changes = List.copyOf(changes);
        }

        public int size() {
            return changes.size();
        }

        public SyncOp renamed(String oldId, String newId) {
            return new Batch(changes.stream().map(c -> c.target().equals(oldId) ? c.withTarget(newId) : c).toList());
        }

        public SyncOp without(String id) {
            var rest = changes.stream().filter(c -> !c.target().equals(id)).toList();
            return rest.isEmpty() ? null : new Batch(rest);
        }

        public List<String> targets() {
            return changes.stream().map(BatchOperation::target).toList();
        }

        Batch mapChanges(UnaryOperator<BatchOperation> f) {
            return new Batch(changes.stream().map(f).toList());
        }
    }

    /**
     * POST /suggestions/{id}/accept, with the user's shape/labels if they changed it before it was
     * sent (the server then records suggestion-edited). The server names the annotation; until
     * then it is {@code localId}. {@code predictedRevision}: 1 as is, 2 with an edit.
     */
    record Accept(String suggestionId, String localId, Shape shape, AnnotationLabels labels, long predictedRevision)
            implements SyncOp {
        public int size() {
            return 1;
        }

        public SyncOp renamed(String oldId, String newId) {
            return this;
        }

        public SyncOp without(String id) {
            return localId.equals(id) ? null : this;
        }

        public List<String> targets() {
            return List.of(localId);
        }
    }

    record Reject(String suggestionId) implements SyncOp {
        public int size() {
            return 1;
        }

        public SyncOp renamed(String oldId, String newId) {
            return this;
        }

        public SyncOp without(String id) {
            return this;
        }

        public List<String> targets() {
            return List.of();
        }
    }

    /** Un-deletes an annotation whose delete was already saved (an undo of it): revert to the revision before the tombstone. */
    record Restore(String id, long toRevision, long expectedRevision) implements SyncOp {
        public int size() {
            return 1;
        }

        public SyncOp renamed(String oldId, String newId) {
            return id.equals(oldId) ? new Restore(newId, toRevision, expectedRevision) : this;
        }

        public SyncOp without(String other) {
            return id.equals(other) ? null : this;
        }

        public List<String> targets() {
            return List.of(id);
        }
    }

    /** PUT /images/{id}/labels: the image's labels as a whole, on top of {@code expectedRevision} (0: never set). */
    record SetLabels(ImageLabels labels, long expectedRevision) implements SyncOp {
        public int size() {
            return 1;
        }

        public SyncOp renamed(String oldId, String newId) {
            return this;
        }

        public SyncOp without(String id) {
            return this; // about no annotation
        }

        public List<String> targets() {
            return List.of();
        }
    }
}
