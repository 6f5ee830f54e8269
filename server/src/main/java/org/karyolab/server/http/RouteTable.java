package org.karyolab.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which methods each path takes, read from the OpenAPI document (which {@code OpenApiContractTest} holds
 * equal to the registered routes, so this is not a second list to keep): for the {@code Allow} of a 405.
 */
public record RouteTable(List<Entry> entries) {

    /** A path template such as {@code /api/v1/annotations/{id}} as a pattern, and its methods. */
    public record Entry(Pattern path, Set<String> methods) {}

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    public RouteTable {
        entries = List.copyOf(entries);
    }

    /** The paths and methods of an OpenAPI document. */
    public static RouteTable of(OpenApiDocument document) {
        List<Entry> entries = new ArrayList<>();
        document.tree().path("paths").properties().forEach(path -> {
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (VERBS.contains(name)) methods.add(name.toUpperCase(Locale.ROOT));
            });
            entries.add(new Entry(template(path.getKey()), methods));
        });
        return new RouteTable(entries);
    }

    /** The methods a request path may be sent with (empty: no route has this path). */
    public Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        for (Entry e : entries) {
            if (e.path().matcher(path).matches()) methods.addAll(e.methods());
        }
        return methods;
    }

    /** {@code /a/{id}/b} -> {@code /a/[^/]+/b}. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
