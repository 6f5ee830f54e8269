package org.karyolab.schema;

/**
 * One problem found in a value. {@code pointer} is an RFC 6901 JSON pointer to the offending
 * field relative to the validated value ("" = the value itself), {@code message} says why, in the
 * field's own words.
 */
public record Violation(String pointer, String message) {

    /** The same violation seen from a parent: {@code prefixed("/shape")} turns "/x" into "/shape/x". */
    public Violation prefixed(String prefix) {
        return new Violation(prefix + pointer, message);
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
    }
}
