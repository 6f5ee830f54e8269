package org.karyolab.client.ui.keys;

/** The F1 sheet's order: lines of one section stay in the order they were declared. */
public enum Section {
    TOOLS,
    LABELS,
    SHAPES,
    WINDOWS,
    SUGGESTIONS,
    REVIEW,
    EDITING,
    NAVIGATION,
    HELP
}
