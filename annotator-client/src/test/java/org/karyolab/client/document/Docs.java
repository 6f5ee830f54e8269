package org.karyolab.client.document;

import java.util.List;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.ImageAsset;
import org.karyolab.schema.ImageKind;
import org.karyolab.schema.Stain;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;

/** Test documents and shapes. */
public final class Docs {

    private Docs() {
    }

    public static ImageAsset image(int width, int height) {
        return new ImageAsset("img-1", "a".repeat(64), width, height, 8, ImageKind.METAPHASE, Stain.G, null, "case-1", null, null);
    }

    public static ImageDocument document() {
        return new ImageDocument(image(1000, 800), "ana");
    }

    public static ModelSuggestion suggestion(String id, Box box, String chromosomeClass, double confidence) {
        return new ModelSuggestion(id, "img-1", "yolo-chrom", "1.0", box,
                AnnotationLabels.ofClass(org.karyolab.schema.ChromosomeClass.parse(chromosomeClass), null), confidence,
                SuggestionState.OPEN, null);
    }

    public static Polygon square(double x, double y, double size) {
        return new Polygon(List.of(new Point(x, y), new Point(x + size, y), new Point(x + size, y + size), new Point(x, y + size)));
    }
}
