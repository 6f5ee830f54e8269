/** Dataset import and publication (COCO, YOLO, LabelMe, ...) as versioned, reproducible releases. */
package org.karyolab.exports;
