package org.karyolab.client.ui.keys;

import java.util.Objects;

/** A mouse gesture on the F1 sheet ("Wheel", "Middle drag"): the canvas or a tool handles it, the keymap only lists it. */
public record Gesture(String id, Section section, String keys, String help) implements Shortcut {

    public Gesture {
        Objects.requireNonNull(id);
        Objects.requireNonNull(section);
        Objects.requireNonNull(keys);
        Objects.requireNonNull(help);
    }
}
