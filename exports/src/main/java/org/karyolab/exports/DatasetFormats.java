package org.karyolab.exports;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registered {@link DatasetFormat}s: every implementation listed in a
 * {@code META-INF/services/org.karyolab.exports.DatasetFormat} on the class path. Callers find a format by its id,
 * never by its class, so a format jar added to the class path is found without a change anywhere else.
 */
public final class DatasetFormats {

    private DatasetFormats() {
    }

    /**
     * Every registered format, in the order the class path lists them; loaded anew on each call.
     *
     * @throws IllegalStateException when two formats claim the same id
     */
    public static List<DatasetFormat> all() {
        List<DatasetFormat> formats = ServiceLoader.load(DatasetFormat.class).stream().map(ServiceLoader.Provider::get).toList();
        var byId = new HashMap<String, DatasetFormat>();
        for (DatasetFormat f : formats) {
            DatasetFormat other = byId.putIfAbsent(f.id(), f);
            if (other != null) {
                throw new IllegalStateException("two dataset formats claim the id '" + f.id() + "': "
                        + other.getClass().getName() + " and " + f.getClass().getName() + "; give one of them another id");
            }
        }
        return formats;
    }

    /** The format with this id, if one is registered. */
    public static Optional<DatasetFormat> find(String id) {
        return all().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * The format with this id.
     *
     * @throws IllegalArgumentException naming the registered ids when none has this one
     */
    public static DatasetFormat require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no dataset format '" + id + "' is registered (there are: "
                + String.join(", ", all().stream().map(DatasetFormat::id).toList()) + "); a format's jar lists it in "
                + "META-INF/services/" + DatasetFormat.class.getName()));
    }
}
