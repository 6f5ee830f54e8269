package org.karyolab.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Labels of a whole image: its karyotype in ISCN (e.g. "46,XY", "47,XX,+21"; only checked for being
 * non-blank until the ISCN parser lands) and quality flags.
 */
public record ImageLabels(String karyotype, Set<QualityFlag> quality) implements Validatable {

    public static final ImageLabels EMPTY = new ImageLabels(null, Set.of());

    public ImageLabels {
        // Stable (enum) order so JSON output is deterministic. A set has no position to point at, so null
        // entries are dropped here; the JSON decoder reports the bad array element itself.
        var sorted = new ArrayList<QualityFlag>();
        if (quality != null) {
            quality.stream().filter(Objects::nonNull).forEach(sorted::add);
        }
        sorted.sort(Comparator.naturalOrder());
        quality = Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
    }

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        Validation.optionalText(out, "/karyotype", "karyotype", karyotype);
        return List.copyOf(out);
    }
}
