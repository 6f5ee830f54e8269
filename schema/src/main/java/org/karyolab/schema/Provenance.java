package org.karyolab.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Who made an annotation. The rule: exactly one party identifies who is accountable, and that is
 * always the human {@code author} (who drew it, or who accepted / edited a suggestion). The model
 * fields never identify "who", they record where a suggestion came from, so:
 * <ul>
 *   <li>every source needs {@code author};</li>
 *   <li>{@code human}: {@code modelId} and {@code modelVersion} must be absent;</li>
 *   <li>{@code suggestion-accepted} / {@code suggestion-edited}: {@code modelId} and {@code modelVersion}
 *       are both required.</li>
 * </ul>
 * Raw model output that no person has reviewed is a suggestion, not an annotation.
 */
public record Provenance(String author, String modelId, String modelVersion, AnnotationSource source)
        implements Validatable {

    public static Provenance human(String author) {
        return new Provenance(author, null, null, AnnotationSource.HUMAN);
    }

    public static Provenance suggestion(String author, String modelId, String modelVersion, boolean edited) {
        return new Provenance(author, modelId, modelVersion,
                edited ? AnnotationSource.SUGGESTION_EDITED : AnnotationSource.SUGGESTION_ACCEPTED);
    }

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        Validation.requiredText(out, "/author", "author", author);
        Validation.optionalText(out, "/modelId", "modelId", modelId);
        Validation.optionalText(out, "/modelVersion", "modelVersion", modelVersion);
        if (!Validation.required(out, "/source", "source", source)) {
            return List.copyOf(out);
        }
        String sourceName = source.name().toLowerCase().replace('_', '-');
        if (source == AnnotationSource.HUMAN) {
            if (modelId != null) {
                out.add(new Violation("/modelId", "source 'human' contradicts a modelId; use 'suggestion-accepted' "
                        + "or 'suggestion-edited', or drop modelId"));
            }
            if (modelVersion != null) {
                out.add(new Violation("/modelVersion", "source 'human' contradicts a modelVersion"));
            }
        } else {
            if (modelId == null) {
                out.add(new Violation("/modelId", "source '" + sourceName + "' requires the modelId of the suggesting model"));
            }
            if (modelVersion == null) {
                out.add(new Violation("/modelVersion", "source '" + sourceName + "' requires the modelVersion of the suggesting model"));
            }
        }
        return List.copyOf(out);
    }
}
