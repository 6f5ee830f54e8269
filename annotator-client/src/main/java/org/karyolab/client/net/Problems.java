package org.karyolab.client.net;

import org.karyolab.schema.api.ImageLabelsAt;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.karyolab.client.document.ModelSuggestion;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.api.Suggestion;

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
            Problem p = problem(body);
            this.index = p.index() == null ? -1 : p.index();
            this.id = p.id();
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
            Problem p = problem(body);
            this.index = p.index() == null ? -1 : p.index();
            this.currentRevision = p.currentRevision() == null ? -1 : p.currentRevision();
            this.current = p.current() == null || p.current().isNull() ? null : Json.read(p.current(), Annotation.class);
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
            this.current = Json.read(problem(body).current(), ImageLabelsAt.class);
        }

        public ImageLabelsAt current() {
            return current;
        }
    }

    /** 409 already-decided: someone accepted or rejected this suggestion first; {@code current} is it now. */
    public static final class AlreadyDecidedException extends ApiException {
        private final transient ModelSuggestion current;
        private final transient Suggestion decided;

        AlreadyDecidedException(String type, String title, String detail, List<Violation> v, JsonNode body) {
            super(409, type, title, detail, v, body);
            JsonNode now = problem(body).current();
            this.decided = now == null || now.isNull() ? null : Json.read(now, Suggestion.class);
            this.current = decided == null ? null : ModelSuggestion.of(decided);
        }

        public ModelSuggestion current() {
            return current;
        }

        /** The suggestion as the server has it now, every field. */
        public Suggestion decided() {
            return decided;
        }
    }

    /** The typed exception for a problem answer ({@code body} null when the answer was not JSON). */
    static ApiException of(int status, JsonNode body) {
        Problem p = problem(body);
        String type = p.name();
        List<Violation> violations = p.violations();
        String title = p.title();
        String detail = p.detail();
        if (status == 401 || status == 403) return new NotAllowedException(status, type, title, detail, violations, body);
        if (status == 404) return new NotFoundException(type, title, detail, violations, body);
        if (status == 422 || (status == 400 && Problem.MALFORMED.equals(type))) {
            return new InvalidException(status, type, title, detail, violations, body);
        }
        boolean stale = Problem.STALE_REVISION.equals(type);
        JsonNode current = p.current();
        if (status == 412 && stale && current != null && current.has("labels") && !current.has("shape")) {
            return new StaleLabelsException(status, type, title, detail, violations, body);
        }
        if ((status == 412 || status == 409) && stale) return new StaleRevisionException(status, type, title, detail, violations, body);
        if (status == 409 && Problem.ALREADY_DECIDED.equals(type)) return new AlreadyDecidedException(type, title, detail, violations, body);
        return new ApiException(status, type, title, detail, violations, body);
    }

    /** The problem document as the wire contract has it; an empty one for an answer that was not one. */
    static Problem problem(JsonNode body) {
        if (body == null || !body.isObject()) return Problem.NONE;
        try {
            return Json.read(body, Problem.class);
        } catch (IllegalArgumentException notAProblem) {
            return Problem.NONE;
        }
    }
}
