package org.karyolab.exports;

/**
 * Where a dataset is wrong and what to do about it.
 *
 * @param file    the file, relative to the dataset's folder
 * @param line    1-based line of a line-oriented file, 0 when the file has no lines to speak of
 * @param pointer RFC 6901 JSON pointer into the entry ("" = the whole entry)
 * @param message what is wrong, in the field's words
 * @param fix     what to do about it
 */
public record DatasetProblem(String file, int line, String pointer, String message, String fix) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (pointer.isEmpty() ? "" : " " + pointer) + ": " + message + " (" + fix + ")";
    }
}
