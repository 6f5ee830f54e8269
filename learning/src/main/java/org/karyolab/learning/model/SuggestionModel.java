package org.karyolab.learning.model;

import java.util.List;

/**
 * A model that proposes annotations for an image: a detector, a classifier, a band caller. Found by
 * {@link SuggestionModels} through {@link java.util.ServiceLoader}, as QuPath finds its image writers: an
 * implementation has a public no-argument constructor and is listed in
 * {@code META-INF/services/org.karyolab.learning.model.SuggestionModel} of its jar. What it proposes is a
 * suggestion, not an annotation: an expert accepts, edits or rejects it.
 */
public interface SuggestionModel {

    /** A stable name, recorded with every suggestion; at most 200 characters, unique among the registered models. */
    String id();

    /** The version of the weights or rules; the same id and version on the same input propose the same. */
    String version();

    /**
     * The proposals for one image, in no particular order; none is an empty list, never null. Each shape lies inside
     * the image and each confidence is from 0 to 1 ({@link Proposal#validate}).
     */
    List<Proposal> propose(ModelInput input);
}
