package org.karyolab.schema.iscn;

/**
 * A problem in a karyotype, placed: a parse error, a liberty that lenient mode took, or a finding of
 * {@link KaryotypeChecker}.
 *
 * @param column  0-based index into the text (for the checker: into the canonical text, {@link Iscn#write})
 * @param message what is wrong and what was expected there
 * @param fix     the whole text with this problem corrected when the intent is clear, else null
 */
public record IscnIssue(int column, String message, String fix) {

    @Override
    public String toString() {
        return "column " + column + ": " + message + (fix == null ? "" : " (did you mean '" + fix + "'?)");
    }
}
