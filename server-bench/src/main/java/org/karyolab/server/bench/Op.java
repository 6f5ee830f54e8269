package org.karyolab.server.bench;

/** The kinds of operation a benchmark times separately. */
public enum Op {
    GET_IMAGE("GET image"),
    GET_THUMBNAIL("GET thumbnail"),
    GET_CONTENT("GET image content"),
    LIST_ANNOTATIONS("GET annotations"),
    SAVE("save");

    public final String label;

    Op(String label) {
        this.label = label;
    }
}
