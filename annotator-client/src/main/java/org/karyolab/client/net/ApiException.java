package org.karyolab.client.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.karyolab.schema.Violation;

/**
 * The server said no: its problem+json, with {@code detail} and every violation, for the UI to show.
 * Subclasses name the cases a caller acts on; {@link ServerUnreachableException} means no answer at all.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final transient List<Violation> violations;
    private final transient JsonNode body;

    public ApiException(int status, String type, String title, String detail, List<Violation> violations, JsonNode body) {
        super(status + " " + (title == null ? "" : title) + (detail == null ? "" : ": " + detail)
                + (violations == null || violations.isEmpty() ? "" : " " + violations));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The problem type without its {@code urn:karyolab:problem:} prefix, e.g. {@code stale-revision}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The sentence for the user. */
    public String detail() {
        return detail;
    }

    /** JSON pointer + message per problem (422 and 400 list every one). */
    public List<Violation> violations() {
        return violations;
    }

    /** The whole problem document (null if the body was not JSON). */
    public JsonNode body() {
        return body;
    }
}
