/**
 * KaryoLab's own dataset format, {@code karyolab-jsonl}, lossless: {@code dataset.json} (format, version, class
 * names), one JSON-lines file per split ({@code train.jsonl}, {@code val.jsonl}, {@code test.jsonl},
 * {@code unassigned.jsonl}) with one {@link org.karyolab.schema.AnnotationDocument} per line as
 * {@link org.karyolab.schema.json.SchemaJson} writes it, and each image's bytes once under
 * {@code images/<sha256>}.
 */
package org.karyolab.exports.jsonl;
