package org.karyolab.learning.model;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registered {@link SuggestionModel}s: every implementation listed in a
 * {@code META-INF/services/org.karyolab.learning.model.SuggestionModel} on the class path. Callers find a model by its
 * id, never by its class, so a model jar added to the class path is found without a change anywhere else.
 */
public final class SuggestionModels {

    private SuggestionModels() {
    }

    /**
     * Every registered model, in the order the class path lists them; loaded anew on each call.
     *
     * @throws IllegalStateException when two models claim the same id
     */
    public static List<SuggestionModel> all() {
        List<SuggestionModel> models = ServiceLoader.load(SuggestionModel.class).stream().map(ServiceLoader.Provider::get).toList();
        var byId = new HashMap<String, SuggestionModel>();
        for (SuggestionModel m : models) {
            SuggestionModel other = byId.putIfAbsent(m.id(), m);
            if (other != null) {
                throw new IllegalStateException("two suggestion models claim the id '" + m.id() + "': "
                        + other.getClass().getName() + " and " + m.getClass().getName() + "; give one of them another id");
            }
        }
        return models;
    }

    /** The model with this id, if one is registered. */
    public static Optional<SuggestionModel> find(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * The model with this id.
     *
     * @throws IllegalArgumentException naming the registered ids when none has this one
     */
    public static SuggestionModel require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no suggestion model '" + id + "' is registered (there are: "
                + String.join(", ", all().stream().map(SuggestionModel::id).toList()) + "); a model's jar lists it in "
                + "META-INF/services/" + SuggestionModel.class.getName()));
    }
}
