package org.karyolab.server.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A member's role in one project, and what it lets them do there. */
public enum Role {
    OWNER(EnumSet.allOf(Action.class)),
    ANNOTATOR(EnumSet.of(Action.VIEW, Action.ANNOTATE)),
    REVIEWER(EnumSet.of(Action.VIEW, Action.REVIEW)),
    VIEWER(EnumSet.of(Action.VIEW));

    private final Set<Action> allowed;

    Role(Set<Action> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(Action action) {
        return allowed.contains(action);
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String text) {
        for (Role r : values()) if (r.json().equals(text)) return r;
        throw new IllegalArgumentException("unknown role '" + text + "', expected owner, annotator, reviewer or viewer");
    }
}
