package org.karyolab.client.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What the signed-in user may do with an image: its project, their role there and the actions it allows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageAccess(String projectId, String role, List<String> actions) {

    public ImageAccess {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** {@code view}, {@code annotate}, {@code review} or {@code manage}. */
    public boolean allows(String action) {
        return actions.contains(action);
    }
}
