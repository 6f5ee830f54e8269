package org.karyolab.client.ui.keys;

/** One line of the F1 sheet: a key action the keymap runs, or a mouse gesture a tool or the canvas handles. */
public sealed interface Shortcut permits KeyAction, Gesture {

    /** Unique in a keymap, e.g. {@code edit.undo}. */
    String id();

    /** Where the line goes on the sheet. */
    Section section();

    /** The keys as the sheet shows them, e.g. {@code Ctrl+Shift+Z / Ctrl+Y}. */
    String keys();

    /** What it does, for the sheet. */
    String help();
}
