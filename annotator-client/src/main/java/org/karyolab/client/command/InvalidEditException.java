package org.karyolab.client.command;

import java.util.List;
import org.karyolab.schema.Violation;

/** An edit the server would refuse (a shape outside the image, a cluster with a class, ...): refused at once. */
public final class InvalidEditException extends IllegalArgumentException {

    private final transient List<Violation> violations;

    public InvalidEditException(String message, List<Violation> violations) {
        super(message + ": " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
