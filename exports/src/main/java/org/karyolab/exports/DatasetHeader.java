package org.karyolab.exports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.karyolab.schema.Validatable;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;

/**
 * What a dataset declares before its images.
 *
 * @param classNames its class names in the order the dataset declares them (a YOLO class index, a COCO category's
 *                   place), as the dataset writes them ({@code "1"}, {@code "X"}, {@code "chr21"}): mapping them to
 *                   chromosome classes is the importer's work, not the reader's
 */
public record DatasetHeader(List<String> classNames) implements Validatable {

    public DatasetHeader {
        classNames = Validation.immutableList(classNames);
    }

    @Override
    public List<Violation> validate() {
        var out = new ArrayList<Violation>();
        var first = new HashMap<String, Integer>();
        for (int i = 0; i < classNames.size(); i++) {
            String name = classNames.get(i);
            if (name == null || name.isBlank()) {
                out.add(new Violation("/classNames/" + i, "a class name must not be blank"));
            } else if (first.putIfAbsent(name, i) != null) {
                out.add(new Violation("/classNames/" + i, "class name '" + name + "' is also at /classNames/" + first.get(name)));
            }
        }
        return List.copyOf(out);
    }
}
