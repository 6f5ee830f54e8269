package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Staining technique of an image (G-, Q-, R-banding, DAPI, multiplex FISH, or other). */
public enum Stain {
    @JsonProperty("G") G,
    @JsonProperty("Q") Q,
    @JsonProperty("R") R,
    @JsonProperty("DAPI") DAPI,
    @JsonProperty("M-FISH") M_FISH,
    @JsonProperty("other") OTHER
}
