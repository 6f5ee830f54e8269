package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Cluster type of a crop in the Lin 2021 scheme; {@code INSTANCE} is a single, separate chromosome. */
public enum ClusterType {
    @JsonProperty("instance") INSTANCE,
    @JsonProperty("touching") TOUCHING,
    @JsonProperty("overlapping") OVERLAPPING,
    @JsonProperty("touching-overlapping") TOUCHING_OVERLAPPING
}
