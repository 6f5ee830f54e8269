package org.karyolab.client.ui.karyogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.RotatedBox;

/**
 * The standard karyogram layout: four rows, 1-5 / 6-12 / 13-18 / 19-22, X, Y, one slot per class
 * (a homologous pair side by side), the Denver groups A-G named over their slots. Plain logic, no
 * JavaFX.
 */
public final class KaryogramLayout {

    /** The conventional rows. */
    public static final List<List<ChromosomeClass>> ROWS = List.of(
            range(1, 5), range(6, 12), range(13, 18),
            concat(range(19, 22), List.of(ChromosomeClass.X, ChromosomeClass.Y)));

    private KaryogramLayout() {
    }

    private static List<ChromosomeClass> range(int from, int to) {
        var out = new ArrayList<ChromosomeClass>();
        for (int i = from; i <= to; i++) out.add(ChromosomeClass.of(i));
        return List.copyOf(out);
    }

    private static List<ChromosomeClass> concat(List<ChromosomeClass> a, List<ChromosomeClass> b) {
        var out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Whether an annotation is a chromosome body the karyogram can cut out (an area shape with a class). */
    public static boolean isChromosome(Annotation a) {
        return a.labels() != null && a.labels().chromosomeClass() != null
                && (a.shape() instanceof Box || a.shape() instanceof RotatedBox || a.shape() instanceof Polygon || a.shape() instanceof Mask);
    }

    /** Area shapes with no class yet: shown below the karyogram, to be dragged into a slot. */
    public static boolean isUnclassified(Annotation a) {
        return a.labels() != null && a.labels().chromosomeClass() == null && a.labels().clusterType() == null
                && (a.shape() instanceof Box || a.shape() instanceof RotatedBox || a.shape() instanceof Polygon || a.shape() instanceof Mask);
    }

    /** The image's chromosomes by class, in document order within a class. */
    public static Map<ChromosomeClass, List<Annotation>> byClass(List<Annotation> annotations) {
        var out = new EnumMap<ChromosomeClass, List<Annotation>>(ChromosomeClass.class);
        for (ChromosomeClass c : ChromosomeClass.values()) out.put(c, new ArrayList<>());
        for (Annotation a : annotations) if (isChromosome(a)) out.get(a.labels().chromosomeClass()).add(a);
        return out;
    }

    /** The group letter shown over the first slot of each Denver group in a row, else null. */
    public static String groupTitle(List<ChromosomeClass> row, int index) {
        ChromosomeClass c = row.get(index);
        if (c == ChromosomeClass.X || c == ChromosomeClass.Y) return index > 0 && (row.get(index - 1) == ChromosomeClass.X) ? null : "Sex";
        char g = c.group();
        return index == 0 || row.get(index - 1).group() != g ? String.valueOf(g) : null;
    }
}
