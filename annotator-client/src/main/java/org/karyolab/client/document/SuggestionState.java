package org.karyolab.client.document;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a model suggestion stands: the server's states, as its JSON spells them. */
public enum SuggestionState {
    @JsonProperty("open") OPEN,
    @JsonProperty("accepted") ACCEPTED,
    /** Accepted after the person changed its shape or labels. */
    @JsonProperty("edited") EDITED,
    @JsonProperty("rejected") REJECTED;

    public boolean decided() {
        return this != OPEN;
    }
}
