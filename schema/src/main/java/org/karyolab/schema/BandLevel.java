package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Banding resolution in bands per haploid set. JSON: the number itself (300, 400, 550, 850). */
public enum BandLevel {
    B300(300), B400(400), B550(550), B850(850);

    private final int bands;

    BandLevel(int bands) {
        this.bands = bands;
    }

    @JsonValue
    public int bands() {
        return bands;
    }

    @JsonCreator
    public static BandLevel of(int bands) {
        for (BandLevel level : values()) {
            if (level.bands == bands) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown band level " + bands + ", expected one of 300, 400, 550, 850");
    }
}
