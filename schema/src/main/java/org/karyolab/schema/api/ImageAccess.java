package org.karyolab.schema.api;

import java.util.List;

/**
 * What the signed-in user may do with an image ({@code GET /api/v1/images/{id}/access}): its project, their role
 * there and the actions it allows ({@code view}, {@code annotate}, {@code review}, {@code manage}).
 */
public record ImageAccess(String projectId, String role, List<String> actions) {

    public ImageAccess {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public boolean allows(String action) {
        return actions.contains(action);
    }
}
