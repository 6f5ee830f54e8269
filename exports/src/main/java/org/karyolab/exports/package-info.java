/**
 * Datasets in and out (COCO, YOLO, LabelMe, ... as versioned, reproducible releases), behind one seam:
 * {@link org.karyolab.exports.DatasetFormat} with its {@link org.karyolab.exports.DatasetReader} (the one way a
 * dataset enters the code) and {@link org.karyolab.exports.DatasetWriter}, over a
 * {@link org.karyolab.exports.DatasetFolder}, found by id through {@link org.karyolab.exports.DatasetFormats}
 * ({@link java.util.ServiceLoader}). KaryoLab's own format: {@link org.karyolab.exports.jsonl}. How to add one:
 * docs/CONTRIBUTING.md.
 */
package org.karyolab.exports;
