package org.karyolab.client.ui.review;

import javafx.scene.paint.Color;
import org.karyolab.schema.AnnotationStatus;

/** Review states on the canvas and in the panel: submitted amber, accepted green, rejected red, draft grey. */
public final class ReviewColors {

    public static final Color SUBMITTED = Color.web("#e3b341");
    public static final Color ACCEPTED = Color.web("#3fb950");
    public static final Color REJECTED = Color.web("#f85149");
    public static final Color DRAFT = Color.web("#8b919c");

    private ReviewColors() {
    }

    public static Color of(AnnotationStatus s) {
        return switch (s) {
            case SUBMITTED -> SUBMITTED;
            case ACCEPTED -> ACCEPTED;
            case REJECTED -> REJECTED;
            case DRAFT -> DRAFT;
        };
    }

    public static String web(AnnotationStatus s) {
        Color c = of(s);
        return "rgb(%d,%d,%d)".formatted((int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
