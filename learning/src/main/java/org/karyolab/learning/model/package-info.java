/**
 * The seam for models: {@link org.karyolab.learning.model.SuggestionModel} (an image in, proposed shapes with labels
 * and confidences out, as schema types), found by id through {@link org.karyolab.learning.model.SuggestionModels}
 * ({@link java.util.ServiceLoader}). {@link org.karyolab.learning.model.NoisyTruthModel} is the demo's stand-in
 * detector. docs/CONTRIBUTING.md: how to add a model.
 */
package org.karyolab.learning.model;
