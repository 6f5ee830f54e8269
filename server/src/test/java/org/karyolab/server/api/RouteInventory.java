package org.karyolab.server.api;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import org.karyolab.server.Services;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every route the server registers, read by running {@link Services#register} against a recording
 * stand-in for Helidon's routing builder. The OpenAPI and authorization tests compare against this,
 * so a new route cannot go undocumented or unchecked.
 */
final class RouteInventory {

    /** One route: method and full path pattern, e.g. {@code PUT /api/v1/annotations/{id}}. */
    record Route(String method, String path) implements Comparable<Route> {
        @Override
        public String toString() {
            return method + " " + path;
        }

        @Override
        public int compareTo(Route o) {
            return toString().compareTo(o.toString());
        }
    }

    private static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    private RouteInventory() {
    }

    static List<Route> of(Services services) {
        List<Route> routes = new ArrayList<>();
        HttpRouting.Builder routing = (HttpRouting.Builder) Proxy.newProxyInstance(RouteInventory.class.getClassLoader(),
                new Class<?>[] {HttpRouting.Builder.class}, (proxy, method, args) -> {
                    if (method.getName().equals("register") && args != null && args.length == 2
                            && args[0] instanceof String prefix && args[1] instanceof HttpService[] list) {
                        for (HttpService s : list) s.routing(rules(prefix, routes));
                    }
                    return method.getReturnType().isInstance(proxy) ? proxy : null;
                });
        services.register(routing);
        return routes.stream().sorted().toList();
    }

    private static HttpRules rules(String prefix, List<Route> routes) {
        return (HttpRules) Proxy.newProxyInstance(RouteInventory.class.getClassLoader(), new Class<?>[] {HttpRules.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (VERBS.contains(name) && args != null && args.length == 2 && args[0] instanceof String path) {
                        routes.add(new Route(name.toUpperCase(Locale.ROOT), join(prefix, path)));
                    } else if (name.equals("route") && args != null && args.length == 3 && args[0] instanceof Method m
                            && args[1] instanceof String path) {
                        routes.add(new Route(m.text(), join(prefix, path)));
                    } else if (name.equals("register") && args != null && args.length == 2 && args[0] instanceof String p
                            && args[1] instanceof HttpService[] list) {
                        for (HttpService s : list) s.routing(rules(join(prefix, p), routes));
                    } else if (name.equals("register") && args != null && args.length == 1 && args[0] instanceof HttpService[] list) {
                        for (HttpService s : list) s.routing(rules(prefix, routes));
                    } else if (VERBS.contains(name) || name.equals("route") || name.equals("register")) {
                        throw new IllegalStateException("route form not understood by the inventory: " + method);
                    }
                    return proxy;
                });
    }

    private static String join(String prefix, String path) {
        if (path.equals("/") || path.isEmpty()) return prefix;
        return prefix + (path.startsWith("/") ? path : "/" + path);
    }
}
