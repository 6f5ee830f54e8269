package org.karyolab.schema.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to a multipart upload (201 when every file was created, else 207): per file, in the order sent, the
 * image made or found, or the problem; then how many were {@code created}, already {@code existing} and {@code failed}.
 */
public record UploadResults(List<Result> results, int created, int existing, int failed) {

    public UploadResults {
        results = List.copyOf(results);
    }

    /** One file: {@code status} 201 (created), 200 (the same bytes were there) with its {@code image}, else its {@code problem}. */
    public record Result(int index, @JsonInclude(JsonInclude.Include.ALWAYS) String filename, int status, ImageInfo image,
                         Problem problem) {}
}
