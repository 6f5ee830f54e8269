package org.karyolab.client.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.Violation;

/** The typed cases of {@link ApiException}, made from a problem+json answer. */
public final class Problems {

    private Problems() {
    }

    /** 401 (not signed in, token expired) or 403 (role does not allow it, own work, not your lease). */
    public static final class NotAllowedException extends ApiException {
        NotAllowedException(int status, String type, String title, String detail, List<Violation> v, JsonNode body) {
            super(status, type, title, detail, v, body);
        }
    }

    /** 404. In a batch: {@code index} of the change naming an annotation that is gone, else -1. */
    public static final class NotFoundException extends ApiException {
        private final int index;
        private final String id;

        NotFoundException(String type, String title, String detail, List<Violation> v, JsonNode body) {
            super(404, type, title, detail, v, body);
            this.index = body != null && body.hasNonNull("index") ? body.get("index").asInt() : -1;
            this.id = body != null && body.hasNonNull("id") ? body.get("id").asText() : null;
        }

        public int index() {
            return index;
        }

        public String id() {
            return id;
        }
    }

    /** 422 (and 400 malformed): the content is not valid; {@link #violations()} says where. */
    public static final class InvalidException extends ApiException {
        InvalidException(int status, String type, String title, String detail, List<Violation> v, JsonNode body) {
            super(status, type, title, detail, v, body);
        }
    }

    /**
     * 412 stale revision (someone saved first), or 409 on a batch create whose id exists: change
     * {@code index} failed; {@code current} is the annotation as the server has it.
     */
    public static final class StaleRevisionException extends ApiException {
        private final int index;
        private final long currentRevision;
        private final transient Annotation current;

        StaleRevisionException(int status, String type, String title, String detail, List<Violation> v, JsonNode body) {
            super(status, type, title, detail, v, body);
            this.index = body.path("index").asInt(-1);
            this.currentRevision = body.path("currentRevision").asLong(-1);
            this.current = body.hasNonNull("current") ? Json.read(body.get("current"), Annotation.class) : null;
        }

        public int index() {
            return index;
        }

        public long currentRevision() {
            return currentRevision;
        }

        public Annotation current() {
            return current;
        }
    }

    /** 412 stale-revision on an image's labels: someone saved them first; {@code current} is them now. */
    public static final class StaleLabelsException extends ApiException {
        private final transient ImageLabelsAt current;

        StaleLabelsException(int status, String type, String title, String detail, List<Violation> v, JsonNode body) {
            super(status, type, title, detail, v, body);
            this.current = Json.read(body.get("current"), ImageLabelsAt.class);
        }

        public ImageLabelsAt current() {
            return current;
        }
    }

    /** 409 already-decided: someone accepted or rejected this suggestion first; {@code current} is it now. */
    public static final class AlreadyDecidedException extends ApiException {
        private final transient ModelSuggestion current;

        AlreadyDecidedException(String type, String title, String detail, List<Violation> v, JsonNode body) {
            super(409, type, title, detail, v, body);
            this.current = body.hasNonNull("current") ? Json.read(body.get("current"), ModelSuggestion.class) : null;
        }

        public ModelSuggestion current() {
            return current;
        }
    }

    /** The typed exception for a problem answer. */
    static ApiException of(int status, JsonNode body) {
        String type = body == null ? null : body.path("type").asText(null);
        if (type != null && type.startsWith("urn:karyolab:problem:")) type = type.substring("urn:karyolab:problem:".length());
        String title = body == null ? null : body.path("title").asText(null);
        String detail = body == null ? null : body.path("detail").asText(null);
        List<Violation> violations = new ArrayList<>();
        if (body != null && body.path("violations").isArray()) {
            body.get("violations").forEach(v -> violations.add(new Violation(v.path("pointer").asText(""), v.path("message").asText(""))));
        }
        if (status == 401 || status == 403) return new NotAllowedException(status, type, title, detail, violations, body);
        if (status == 404) return new NotFoundException(type, title, detail, violations, body);
        if (status == 422 || (status == 400 && "malformed".equals(type))) return new InvalidException(status, type, title, detail, violations, body);
        if (status == 412 && "stale-revision".equals(type) && body.path("current").has("labels") && !body.path("current").has("shape")) {
            return new StaleLabelsException(status, type, title, detail, violations, body);
        }
        if ((status == 412 || status == 409) && "stale-revision".equals(type)) return new StaleRevisionException(status, type, title, detail, violations, body);
        if (status == 409 && "already-decided".equals(type)) return new AlreadyDecidedException(type, title, detail, violations, body);
        return new ApiException(status, type, title, detail, violations, body);
    }
}
