package org.karyolab.client.document;

import org.karyolab.schema.shape.Point;

/**
 * A grip the UI draws on a selected shape and the user drags. {@code index} is the vertex number for
 * {@link Kind#VERTEX}; {@code name} the key point name for {@link Kind#KEYPOINT}.
 */
public record Handle(Kind kind, int index, String name, Point at) {

    public enum Kind {
        /** Resize grips on the box edges and corners (in the box's own frame for a rotated box). */
        N, NE, E, SE, S, SW, W, NW,
        /** Turns a box or rotated box about its centre. */
        ROTATE,
        /** One point of a polygon's exterior or of a polyline. */
        VERTEX,
        /** One named landmark (centromere, p_ter, q_ter). */
        KEYPOINT
    }

    static Handle of(Kind kind, Point at) {
        return new Handle(kind, -1, null, at);
    }
}
