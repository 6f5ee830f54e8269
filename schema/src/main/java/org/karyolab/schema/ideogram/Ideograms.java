package org.karyolab.schema.ideogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;

/**
 * The human ideograms at 300, 400, 550 and 850 bands per haploid set, loaded lazily once per level from the
 * NCBI ISCN band tables (CC0) that the build takes from the ideogram npm package. 300 is not in the tables:
 * it is the 400-band ideogram with sub-bands merged ({@code 1p36.1}..{@code 1p36.3} become {@code 1p36}).
 */
public final class Ideograms {

    private static final Map<BandLevel, Ideogram> LOADED = new EnumMap<>(BandLevel.class);

    private Ideograms() {
    }

    public static synchronized Ideogram at(BandLevel level) {
        Ideogram ideogram = LOADED.get(level);
        if (ideogram == null) {
            ideogram = level == BandLevel.B300 ? Ideogram.mergedToBands(at(BandLevel.B400), level) : load(level);
            LOADED.put(level, ideogram);
        }
        return ideogram;
    }

    /** The finest level at which a band of exactly this name (with its chromosome) exists, or null. */
    public static BandLevel finestLevelNaming(BandName name) {
        BandLevel[] levels = BandLevel.values();
        for (int i = levels.length - 1; i >= 0; i--) {
            if (at(levels[i]).band(name).isPresent()) {
                return levels[i];
            }
        }
        return null;
    }

    private static Ideogram load(BandLevel level) {
        String file = switch (level) {
            case B400 -> "homo-sapiens-400.json";
            case B550 -> "homo-sapiens-550.json";
            case B850 -> "homo-sapiens.json";
            case B300 -> throw new IllegalArgumentException("300 is derived, not loaded");
        };
        // Classpath only: the schema module does no other I/O.
        try (InputStream in = Ideograms.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("band table " + file + " missing from the classpath (the build fetches it)");
            }
            return parse(level, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read band table " + file, e);
        }
    }

    /** Rows are "chr arm band iscnStart iscnStop bpStart bpStop stain density", e.g. "1 p 36.2 451 682 7100001 15900000 gpos 100". */
    static Ideogram parse(BandLevel level, JsonNode table) {
        var bands = new EnumMap<ChromosomeClass, List<Band>>(ChromosomeClass.class);
        for (JsonNode row : table.get("chrBands")) {
            String[] f = row.asText().split(" ", -1);
            if (f[0].equals("MT")) {
                continue; // the mitochondrial genome has no bands
            }
            if (f.length != 9) {
                throw new IllegalStateException("band row with " + f.length + " fields: '" + row.asText() + "'");
            }
            ChromosomeClass c = ChromosomeClass.parse(f[0]);
            var band = new Band(BandName.parse(f[0] + f[1] + f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), BandStain.of(f[7], f[8]));
            bands.computeIfAbsent(c, k -> new ArrayList<>()).add(band);
        }
        return new Ideogram(level, bands);
    }
}
