package org.karyolab.schema.shape;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.Validatable;
import org.karyolab.schema.Violation;

/**
 * Where an annotation is on its image, in pixel coordinates of the full-resolution image, with its own
 * geometry: {@link #type()}, {@link #bounds()}, {@link #area()}, {@link #translate}; the overlap of two
 * shapes is {@link Geometry#iou}. JSON: an object with a {@code "type"} of box, rotated-box, polygon, mask,
 * keypoints or polyline; {@code @JsonSubTypes} below is the one list of those names (tests hold the sealed
 * permits and the published JSON Schema to it).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Box.class, name = "box"),
    @JsonSubTypes.Type(value = RotatedBox.class, name = "rotated-box"),
    @JsonSubTypes.Type(value = Polygon.class, name = "polygon"),
    @JsonSubTypes.Type(value = Mask.class, name = "mask"),
    @JsonSubTypes.Type(value = Keypoints.class, name = "keypoints"),
    @JsonSubTypes.Type(value = Polyline.class, name = "polyline")
})
public sealed interface Shape extends Validatable permits Box, RotatedBox, Polygon, Mask, Keypoints, Polyline {

    /** The JSON "type" names, in declaration order (read from {@code @JsonSubTypes}). */
    List<String> TYPE_NAMES = ShapeTypes.names();

    /** Its JSON "type" name, e.g. {@code "rotated-box"}. */
    default String type() {
        return ShapeTypes.nameOf(getClass());
    }

    /** The axis-aligned box around it (a polygon's exterior, a mask's foreground pixels, edges included). */
    Bounds bounds();

    /** In square pixels: a mask's foreground pixel count; 0 for key points and polylines (no area). */
    double area();

    /** Moved by (dx, dy) pixels. A mask moves by whole pixels (rounded), and what leaves its grid is cut off. */
    Shape translate(double dx, double dy);

    /** Intrinsic checks plus "inside an image of this size" (1-pixel tolerance; a mask must match the size exactly). */
    default List<Violation> validate(int imageWidth, int imageHeight) {
        var out = new ArrayList<Violation>();
        return Geometry.check(this, Geometry.within(imageWidth, imageHeight, out), out);
    }

    /** Intrinsic checks only (finite numbers, positive sizes, enough points, RLE sanity); no image bounds. */
    @Override
    default List<Violation> validate() {
        return Geometry.check(this, Geometry.unbounded(), new ArrayList<>());
    }
}
