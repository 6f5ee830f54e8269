package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an image shows: a whole metaphase spread, a cluster crop, one chromosome, or an arranged karyogram. */
public enum ImageKind {
    @JsonProperty("metaphase") METAPHASE,
    @JsonProperty("cluster") CLUSTER,
    @JsonProperty("chromosome") CHROMOSOME,
    @JsonProperty("karyogram") KARYOGRAM
}
