package org.karyolab.schema.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.karyolab.schema.Violation;
import org.karyolab.schema.iscn.IscnIssue;

/**
 * An error answer, RFC 9457 {@code application/problem+json}: {@code type} (a URN, {@link #TYPE_PREFIX} and one of
 * the names below), {@code title}, {@code status}, {@code detail}, every {@code violations} (JSON pointer and message;
 * at most a hundred, then {@code violationCount} says how many there were), and the extension members a case adds.
 * Null members are not sent.
 *
 * @param index           in a batch: the change that failed
 * @param id              in a batch: the annotation a change names that is gone
 * @param currentRevision a stale write: the revision the thing is at
 * @param current         a stale or refused write: the thing as it is now (an annotation, image labels, a suggestion)
 * @param imageId         a lease refusal (423): the image; with {@code holder} and {@code expiresAt}
 * @param caseId          a split refusal: the case; with {@code wanted} (the split asked for) and {@code conflicts}
 * @param issues          a karyotype that is not ISCN: each problem placed, its {@code column} into the text and the
 *                        {@code fix} (the whole corrected text) when clear
 */
public record Problem(String type, String title, int status, String detail,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Violation> violations,
                      Integer violationCount, Integer index, String id, Long currentRevision, JsonNode current,
                      String imageId, String holder, Instant expiresAt, String caseId, String wanted,
                      List<SplitConflict> conflicts, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IscnIssue> issues) {

    public static final String TYPE_PREFIX = "urn:karyolab:problem:";

    // The problem types (docs/API.md, Errors), by name.
    public static final String MALFORMED = "malformed";
    public static final String VALIDATION = "validation";
    public static final String NOT_FOUND = "not-found";
    public static final String STALE_REVISION = "stale-revision";
    public static final String ALREADY_EXISTS = "already-exists";
    public static final String ALREADY_DECIDED = "already-decided";
    public static final String TOO_LARGE = "too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String LEASED = "leased";
    public static final String CASE_SPLIT = "case-split";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String PRECONDITION_REQUIRED = "precondition-required";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String BAD_CREDENTIALS = "bad-credentials";
    public static final String ACCOUNT_DISABLED = "account-disabled";
    public static final String TOO_MANY_SIGN_INS = "too-many-sign-ins";
    public static final String OVER_BUDGET = "over-budget";
    public static final String INTERNAL = "internal";

    /** No problem document at all (an answer that was not one). */
    public static final Problem NONE = new Problem(null, null, 0, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** An image of the case that is in another split than the one asked for. */
    public record SplitConflict(String imageId, String split) {}

    /** A problem with no extension members; {@code violations} empty is left out. */
    public static Problem of(int status, String name, String title, String detail, List<Violation> violations) {
        return new Problem(TYPE_PREFIX + name, title, status, detail, violations == null || violations.isEmpty() ? null
                : List.copyOf(violations), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The type's name without {@link #TYPE_PREFIX}, e.g. {@code stale-revision}; null if it has no type. */
    public String name() {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    public List<Violation> violations() {
        return violations == null ? List.of() : violations;
    }

    public List<IscnIssue> issues() {
        return issues == null ? List.of() : issues;
    }

    /** As sent, with at most {@code max} violations and then their {@code violationCount}. */
    public Problem atMost(int max) {
        if (violations == null || violations.size() <= max) return this;
        return new Problem(type, title, status, detail, violations.subList(0, max), violations.size(), index, id,
                currentRevision, current, imageId, holder, expiresAt, caseId, wanted, conflicts, issues);
    }

    /** The same problem about change {@code index} of a batch, naming the annotation {@code id} if given. */
    public Problem atChange(int changeIndex, String annotationId) {
        return new Problem(type, title, status, detail, violations, violationCount, changeIndex, annotationId,
                currentRevision, current, imageId, holder, expiresAt, caseId, wanted, conflicts, issues);
    }

    /** The same problem with the thing as it is now. */
    public Problem withCurrent(Long revision, JsonNode now) {
        return new Problem(type, title, status, detail, violations, violationCount, index, id, revision, now, imageId,
                holder, expiresAt, caseId, wanted, conflicts, issues);
    }

    /** The same problem naming who holds the image's lease until when. */
    public Problem withLease(String leasedImage, String leaseHolder, Instant until) {
        return new Problem(type, title, status, detail, violations, violationCount, index, id, currentRevision, current,
                leasedImage, leaseHolder, until, caseId, wanted, conflicts, issues);
    }

    /** The same problem naming the case, the split asked for and the images in others. */
    public Problem withSplit(String theCase, String wantedSplit, List<SplitConflict> others) {
        return new Problem(type, title, status, detail, violations, violationCount, index, id, currentRevision, current,
                imageId, holder, expiresAt, theCase, wantedSplit, List.copyOf(others), issues);
    }

    /** The same problem with the placed ISCN issues. */
    public Problem withIssues(List<IscnIssue> placed) {
        return new Problem(type, title, status, detail, violations, violationCount, index, id, currentRevision, current,
                imageId, holder, expiresAt, caseId, wanted, conflicts, placed == null || placed.isEmpty() ? null : List.copyOf(placed));
    }
}
