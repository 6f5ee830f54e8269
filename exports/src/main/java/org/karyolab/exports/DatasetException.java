package org.karyolab.exports;

import java.io.IOException;
import java.util.List;

/** A dataset's content is not what its format says: every problem of one entry, each with where and what to do. */
public final class DatasetException extends IOException {

    private final List<DatasetProblem> problems;

    public DatasetException(List<DatasetProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public DatasetException(DatasetProblem problem) {
        this(List.of(problem));
    }

    /** Never empty. */
    public List<DatasetProblem> problems() {
        return problems;
    }

    private static String message(List<DatasetProblem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a dataset exception needs at least one problem");
        return String.join("; ", problems.stream().map(DatasetProblem::toString).toList());
    }
}
