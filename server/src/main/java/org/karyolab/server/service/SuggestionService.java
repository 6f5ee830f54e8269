package org.karyolab.server.service;

import org.karyolab.schema.api.SuggestionInput;
import org.karyolab.schema.api.Suggestion.State;
import org.karyolab.schema.api.ServerEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.karyolab.schema.Ids;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.AcceptedSuggestion;
import org.karyolab.schema.api.SuggestionEdit;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.schema.shape.Shape;
import org.karyolab.server.store.BatchResult;
import org.karyolab.server.store.Change;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.SaveResult;
import org.karyolab.server.store.Suggestion;
import org.karyolab.server.store.SuggestionRepository;
import org.karyolab.server.store.SuggestionRepository.Decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The model in the loop: models post suggestions, people accept (possibly after editing) or reject
 * them, and every model version gets a record of how its suggestions fared. Knows nothing of HTTP.
 */
public final class SuggestionService {

    /** A posted suggestion as the API sends it, and whether this post stored it ({@code false}: it was there). */
    public record Posted(org.karyolab.schema.api.Suggestion suggestion, boolean created) {}

    /**
     * How a model version's suggestions fared. {@code acceptanceRate}: (accepted + edited) / decided,
     * null while none is decided. {@code meanEditSize}: over accepted and edited ones (see {@link EditSize}).
     */
    public record ModelReport(String modelId, String modelVersion, long posted, long open, long accepted, long edited,
                              long rejected, Double acceptanceRate, Double meanEditSize) {}

    /** Upper bound on one post, so a runaway script cannot hold a transaction open for long. */
    public static final int MAX_PER_POST = 1000;

    private final SuggestionRepository suggestions;
    private final ImageRepository images;
    private final Clock clock;
    private final EventBus events;
    private final AnnotationRules rules;
    private final LeaseCheck leases;

    /**
     * @param events where new suggestions and accepted annotations are announced (after they committed)
     * @param rules  sizes (checked on post) and the project's label set (checked on accept: what becomes an annotation)
     * @param leases who may accept on a leased image (an accept writes an annotation; a reject does not, and is not checked)
     */
    public SuggestionService(SuggestionRepository suggestions, ImageRepository images, Clock clock, EventBus events,
                             AnnotationRules rules, LeaseCheck leases) {
        this.suggestions = suggestions;
        this.images = images;
        this.clock = clock;
        this.events = events;
        this.rules = rules;
        this.leases = leases;
    }

    /**
     * Stores suggestions for an image (validated against its size, all or none). A suggestion already
     * stored for the same model id and version with the same shape and labels is returned as stored,
     * open or decided, never duplicated.
     */
    public Outcome<List<Posted>> post(String imageId, List<SuggestionInput> inputs, String postedBy) {
        Optional<ImageRepository.StoredImage> stored = images.get(imageId);
        Optional<ImageAsset> image = stored.map(ImageRepository.StoredImage::image);
        if (image.isEmpty()) return Outcome.notFound("image", imageId);
        if (inputs.isEmpty()) return Outcome.invalid("post at least one suggestion", List.of(new Violation("", "the list is empty")));
        if (inputs.size() > MAX_PER_POST) {
            return Outcome.invalid("post at most " + MAX_PER_POST + " suggestions at once; split the list",
                    List.of(new Violation("", inputs.size() + " suggestions")));
        }
        List<Violation> tooLarge = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            tooLarge.addAll(Validation.prefix(inputs.size() == 1 ? "" : "/" + i,
                    rules.tooLarge(inputs.get(i).shape(), inputs.get(i).labels(), null)));
        }
        if (!tooLarge.isEmpty()) {
            return new Outcome.TooLarge<>("a suggestion is larger than a limit allows; nothing was stored", tooLarge);
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String at = inputs.size() == 1 ? "" : "/" + i;
            SuggestionInput in = inputs.get(i);
            List<Violation> own = in.validate();
            violations.addAll(Validation.prefix(at, own));
            if (own.isEmpty()) {
                violations.addAll(Validation.prefix(at + "/shape", in.shape().validate(image.get().width(), image.get().height())));
            }
        }
        if (!violations.isEmpty()) {
            return Outcome.invalid("not a valid suggestion for this image; nothing was stored", violations);
        }
        Instant now = now();
        List<SuggestionRepository.Pending> pending = inputs.stream().map(in -> new SuggestionRepository.Pending(
                new Suggestion(Ids.newId(), imageId, null, in.modelId(), in.modelVersion(), in.shape(),
                        in.labels(), in.confidence(), postedBy, now, State.OPEN, null, null, null, null, null),
                contentHash(in.shape(), in.labels()))).toList();
        List<SuggestionRepository.Posted> posted = suggestions.post(pending);
        // one announcement per model version that brought something new
        posted.stream().filter(SuggestionRepository.Posted::created).map(SuggestionRepository.Posted::suggestion)
                .collect(java.util.stream.Collectors.groupingBy(x -> List.of(x.modelId(), x.modelVersion()),
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.counting()))
                .forEach((model, count) -> events.publish(stored.get().projectId(),
                        new ServerEvent.SuggestionReady(imageId, model.get(0), model.get(1), count.intValue())));
        return Outcome.done(posted.stream().map(p -> new Posted(wire(p.suggestion()), p.created())).toList());
    }

    /** The open suggestions of an image, or all of them. */
    public Outcome<List<org.karyolab.schema.api.Suggestion>> list(String imageId, boolean all) {
        if (images.get(imageId).isEmpty()) return Outcome.notFound("image", imageId);
        return Outcome.done(suggestions.list(imageId, !all).stream().map(SuggestionService::wire).toList());
    }

    public Outcome<org.karyolab.schema.api.Suggestion> get(String id) {
        return suggestions.get(id).<Outcome<org.karyolab.schema.api.Suggestion>>map(s -> Outcome.done(wire(s)))
                .orElseGet(() -> Outcome.notFound("suggestion", id));
    }

    public Optional<String> imageOf(String id) {
        return suggestions.get(id).map(Suggestion::imageId);
    }

    /**
     * Accepts a suggestion as an annotation authored by {@code by}. Without an edit (or with one that
     * changes nothing) the annotation's source is suggestion-accepted. With an edit it is
     * suggestion-edited, and its history shows the change: revision 1 is the suggestion as the model
     * made it, revision 2 the person's edit. Someone else's live lease of the image refuses it ({@link LeaseCheck}).
     */
    public Outcome<AcceptedSuggestion> accept(String id, SuggestionEdit edit, LeaseCheck.Writer writer) {
        Optional<Suggestion> found = suggestions.get(id);
        if (found.isEmpty()) return Outcome.notFound("suggestion", id);
        Suggestion s = found.get();
        if (leases.onImage(s.imageId(), writer) instanceof LeaseCheck.Verdict.Held held) return new Outcome.Leased<>(held);
        String by = writer.username();
        if (s.state() != State.OPEN) return alreadyDecided(s);
        if (edit != null && !edit.validate().isEmpty()) return Outcome.invalid("not a valid edit", edit.validate());
        if (edit != null) {
            List<Violation> tooLarge = rules.tooLarge(edit.shape(), edit.labels(), null);
            if (!tooLarge.isEmpty()) return new Outcome.TooLarge<>("the edit is larger than a limit allows; nothing was saved", tooLarge);
        }
        Optional<ImageRepository.StoredImage> stored = images.get(s.imageId());
        Optional<ImageAsset> image = stored.map(ImageRepository.StoredImage::image);
        if (image.isEmpty()) return Outcome.notFound("image", s.imageId());

        Instant now = now();
        String annotationId = Ids.newId();
        Annotation original = new Annotation(annotationId, s.imageId(), s.shape(), s.labels(),
                Provenance.suggestion(by, s.modelId(), s.modelVersion(), false), 1, AnnotationStatus.DRAFT, now, now);
        Shape shape = edit == null || edit.shape() == null ? s.shape() : edit.shape();
        AnnotationLabels labels = edit == null || edit.labels() == null ? s.labels() : edit.labels();
        boolean edited = !shape.equals(s.shape()) || !labels.equals(s.labels());
        List<Violation> outside = rules.vocabulary(stored.get()).check(labels);
        if (!outside.isEmpty()) {
            return Outcome.invalid("the " + (edited ? "edited " : "") + "suggestion's labels are not in the project's label set; "
                    + "edit them (accept with labels) or reject it", outside);
        }
        List<Change> changes = new ArrayList<>(List.of(new Change.Create(original)));
        if (edited) {
            Annotation changed = original.withContent(shape, labels, Provenance.suggestion(by, s.modelId(), s.modelVersion(), true));
            List<Violation> violations = changed.validate(image.get().width(), image.get().height());
            if (!violations.isEmpty()) return Outcome.invalid("the edited annotation is not valid on this image", violations);
            changes.add(new Change.Update(annotationId, 1, changed));
        }
        double editSize = edited ? EditSize.of(s.shape(), s.labels(), shape, labels) : 0;
        Decision decision = suggestions.accept(id, s.imageId(), changes,
                edited ? State.EDITED : State.ACCEPTED, by, now, annotationId, editSize);
        return switch (decision) {
            case Decision.Decided d -> {
                events.publish(d.suggestion().projectId(), new ServerEvent.AnnotationSaved(s.imageId(), annotationId,
                        d.annotation().revision(), by, "created"));
                yield Outcome.done(new AcceptedSuggestion(wire(d.suggestion()), d.annotation()));
            }
            case Decision.AlreadyDecided a -> alreadyDecided(a.current());
            case Decision.NotFound nf -> Outcome.notFound("suggestion", id);
            case Decision.NotSaved ns -> ns.reason().reason() instanceof SaveResult.Conflict c
                    ? new Outcome.Conflict<>(c.current(), 0)
                    : Outcome.notFound("image", s.imageId());
        };
    }

    public Outcome<org.karyolab.schema.api.Suggestion> reject(String id, String reason, String by) {
        return switch (suggestions.reject(id, by, now(), reason == null || reason.isBlank() ? null : reason.strip())) {
            case Decision.Decided d -> Outcome.done(wire(d.suggestion()));
            case Decision.AlreadyDecided a -> alreadyDecided(a.current());
            case Decision.NotFound nf -> Outcome.notFound("suggestion", id);
            case Decision.NotSaved ns -> throw new IllegalStateException("a reject writes no annotation");
        };
    }

    /** Per model id and version in a project: counts, acceptance rate and mean edit size. */
    public Outcome<List<ModelReport>> models(String projectId) {
        return Outcome.done(suggestions.models(projectId).stream().map(m -> {
            long decided = m.accepted() + m.edited() + m.rejected();
            Double rate = decided == 0 ? null : (double) (m.accepted() + m.edited()) / decided;
            return new ModelReport(m.modelId(), m.modelVersion(), m.posted(), m.open(), m.accepted(), m.edited(),
                    m.rejected(), rate, m.meanEditSize());
        }).toList());
    }

    private static <T> Outcome<T> alreadyDecided(Suggestion s) {
        return new Outcome.Refused<>(Outcome.Refused.Why.WRONG_STATE, "already-decided",
                "suggestion '" + s.id() + "' was already " + s.state().name().toLowerCase() + " by " + s.decidedBy()
                        + " at " + s.decidedAt() + "; a suggestion is decided once", wire(s));
    }

    /** A stored suggestion as the API sends it. */
    static org.karyolab.schema.api.Suggestion wire(Suggestion s) {
        return new org.karyolab.schema.api.Suggestion(s.id(), s.imageId(), s.projectId(), s.modelId(), s.modelVersion(), s.shape(), s.labels(),
                s.confidence(), s.postedBy(), s.postedAt(), s.state(), s.decidedBy(),
                s.decidedAt(), s.annotationId(), s.editSize(), s.reason());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * SHA-256 of the canonical JSON of shape and labels: the codec's JSON with object keys sorted at
     * every level, so the same content always hashes the same whatever order a client wrote it in.
     */
    static String contentHash(Shape shape, AnnotationLabels labels) {
        ObjectNode both = JsonNodeFactory.instance.objectNode();
        both.set("labels", SchemaJson.mapper().valueToTree(labels));
        both.set("shape", SchemaJson.mapper().valueToTree(shape));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(SchemaJson.write(sorted(both)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                fields.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }
}
