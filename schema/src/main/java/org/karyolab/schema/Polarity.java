package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Orientation of a single chromosome in its crop: short arm (p) up or down. */
public enum Polarity {
    @JsonProperty("p-up") P_UP,
    @JsonProperty("p-down") P_DOWN
}
