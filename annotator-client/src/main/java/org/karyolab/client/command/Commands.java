package org.karyolab.client.command;

import java.util.List;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.client.document.Origin;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ImageLabels;

/** The command kinds. Most edits are an {@link ChangeAnnotations} with a name; build them with {@link Edits}. */
public final class Commands {

    private Commands() {
    }

    /** New annotations (drawn, or pieces of a split). */
    public record AddAnnotations(String name, List<Annotation> annotations) implements Command {
        public AddAnnotations {
            annotations = List.copyOf(annotations);
        }

        @Override
        public void apply(ImageDocument d) {
            d.add(annotations, Origin.EDIT);
        }

        @Override
        public void revert(ImageDocument d) {
            d.remove(annotations.stream().map(Annotation::id).toList(), Origin.EDIT);
        }
    }

    /** Deleted annotations, as they were, and the suggestion each unsaved one was accepted from (or null). */
    public record RemoveAnnotations(String name, List<Annotation> annotations, List<String> acceptedFrom) implements Command {
        public RemoveAnnotations {
            annotations = List.copyOf(annotations);
            acceptedFrom = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(acceptedFrom));
        }

        @Override
        public void apply(ImageDocument d) {
            d.remove(annotations.stream().map(Annotation::id).toList(), Origin.EDIT);
        }

        @Override
        public void revert(ImageDocument d) {
            d.batch(() -> {
                d.add(annotations, Origin.EDIT);
                for (int i = 0; i < annotations.size(); i++) {
                    if (acceptedFrom.get(i) != null) d.markAcceptedFrom(annotations.get(i).id(), acceptedFrom.get(i));
                }
            });
        }
    }

    /** New content for existing annotations: {@code before.get(i)} becomes {@code after.get(i)}. */
    public record ChangeAnnotations(String name, List<Annotation> before, List<Annotation> after) implements Command {
        public ChangeAnnotations {
            before = List.copyOf(before);
            after = List.copyOf(after);
            if (before.size() != after.size()) throw new IllegalArgumentException("before and after differ in length");
        }

        @Override
        public void apply(ImageDocument d) {
            d.replace(after, Origin.EDIT);
        }

        @Override
        public void revert(ImageDocument d) {
            d.replace(before, Origin.EDIT);
        }
    }

    /**
     * Accepting a model's suggestion: the annotation it becomes (provenance suggestion-accepted), and
     * the suggestion marked accepted. Autosave sends it through the server's accept route, so the
     * model's acceptance statistics count it; edits made before that make it suggestion-edited.
     */
    public record AcceptSuggestion(ModelSuggestion suggestion, Annotation annotation) implements Command {
        @Override
        public String name() {
            return "Accept suggestion";
        }

        @Override
        public void apply(ImageDocument d) {
            d.batch(() -> {
                String id = d.resolve(annotation.id());
                d.add(List.of(annotation), Origin.EDIT);
                // Once the server has the acceptance (the id was renamed), a redo re-creates the annotation only.
                if (id.equals(annotation.id())) d.markAcceptedFrom(annotation.id(), suggestion.id());
                d.setSuggestions(List.of(suggestion.withState(org.karyolab.client.document.SuggestionState.ACCEPTED, id)), Origin.EDIT);
            });
        }

        @Override
        public void revert(ImageDocument d) {
            d.batch(() -> {
                d.remove(List.of(annotation.id()), Origin.EDIT);
                d.setSuggestions(List.of(suggestion), Origin.EDIT);
            });
        }
    }

    /** A suggestion's state change that makes no annotation (reject). */
    public record SetSuggestionState(String name, ModelSuggestion before, ModelSuggestion after) implements Command {
        @Override
        public void apply(ImageDocument d) {
            d.setSuggestions(List.of(after), Origin.EDIT);
        }

        @Override
        public void revert(ImageDocument d) {
            d.setSuggestions(List.of(before), Origin.EDIT);
        }
    }

    /** The image's karyotype and quality flags. Kept in the document only: the server has no route for them yet. */
    public record SetImageLabels(ImageLabels before, ImageLabels after) implements Command {
        @Override
        public String name() {
            return "Set image labels";
        }

        @Override
        public void apply(ImageDocument d) {
            d.setImageLabels(after, Origin.EDIT);
        }

        @Override
        public void revert(ImageDocument d) {
            d.setImageLabels(before, Origin.EDIT);
        }
    }

    /** Several commands as one undo step; undone in reverse order. Events are merged into one redraw. */
    public record Compound(String name, List<Command> parts) implements Command {
        public Compound {
            parts = List.copyOf(parts);
        }

        @Override
        public void apply(ImageDocument d) {
            d.batch(() -> parts.forEach(p -> p.apply(d)));
        }

        @Override
        public void revert(ImageDocument d) {
            d.batch(() -> parts.reversed().forEach(p -> p.revert(d)));
        }
    }
}
