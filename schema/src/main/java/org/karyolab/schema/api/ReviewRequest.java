package org.karyolab.schema.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.karyolab.schema.Validatable;
import org.karyolab.schema.Violation;

/** A reviewer's decision: {@code {"decision": "accept" | "reject", "comment": "..."}}; the comment is optional. */
public record ReviewRequest(Decision decision, String comment) implements Validatable {

    public static final int MAX_COMMENT = 10_000;

    public enum Decision {
        @JsonProperty("accept") ACCEPT,
        @JsonProperty("reject") REJECT
    }

    @Override
    public List<Violation> validate() {
        if (decision == null) return List.of(new Violation("/decision", "decision is required: \"accept\" or \"reject\""));
        if (comment != null && comment.length() > MAX_COMMENT) {
            return List.of(new Violation("/comment", "comment must be at most " + MAX_COMMENT + " characters"));
        }
        return List.of();
    }
}
