package org.karyolab.client.ui.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.Json;
import org.karyolab.client.net.KaryoLabClient;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.Problem;
import org.karyolab.schema.iscn.IscnIssue;

/**
 * The server's karyotype routes the anomaly editor needs, over the editor's own signed-in
 * {@link KaryoLabClient} (same base URL, same token): {@code POST /api/v1/karyotype/check} for live
 * validation and {@code /lgf} for the band-level reading. Any thread; blocking.
 */
public final class KaryotypeApi {

    /** A placed problem: {@code column} indexes {@code text} (-1 when not placed), {@code fix} is the whole corrected text or null. */
    public record Issue(int column, String message, String fix, String text) {}

    /**
     * The server's verdict on a text. {@code parsed}: the text is ISCN (then {@code canonical} is its
     * canonical form); {@code errors}: why not, or the checker's findings; {@code warnings}: liberties.
     */
    public record Verdict(String input, boolean parsed, String canonical, List<Issue> errors, List<Issue> warnings) {
        public boolean valid() {
            return parsed && errors.isEmpty();
        }
    }

    /** Per-band loss/gain ({@code band} with chromosome) and fusions, per cell line. */
    public record BandChange(String band, int loss, int gain) {}

    public record CellLineReading(String cellLine, List<BandChange> changes, List<String> fusions) {}

    public record Reading(int level, List<CellLineReading> cellLines) {}

    private final KaryoLabClient client;

    public KaryotypeApi(KaryoLabClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /** POST /karyotype/check in strict mode: a 422 (does not parse) becomes a verdict with the positioned error. */
    public Verdict check(String text) {
        try {
            JsonNode r = client.karyotype("check", body(text, null));
            String canonical = r.path("canonical").asText(text);
            var errors = issues(r.path("issues"), canonical);
            var warnings = issues(r.path("warnings"), text);
            return new Verdict(text, true, canonical, errors, warnings);
        } catch (ApiException e) {
            if (e.status() != 422) throw e;
            Problem problem = e.body() == null ? Problem.of(e.status(), e.type(), e.title(), e.detail(), e.violations())
                    : Json.read(e.body(), Problem.class);
            return new Verdict(text, false, null, errors(problem, text), List.of());
        }
    }

    /** POST /karyotype/lgf: loss, gain and fusion by band at {@code level}. A 422 (nothing to place) is thrown. */
    public Reading lgf(String text, BandLevel level) {
        JsonNode r = client.karyotype("lgf", body(text, level));
        var lines = new ArrayList<CellLineReading>();
        for (JsonNode line : r.path("cellLines")) {
            var changes = new ArrayList<BandChange>();
            for (JsonNode c : line.path("changes")) changes.add(new BandChange(c.path("band").asText(), c.path("loss").asInt(), c.path("gain").asInt()));
            var fusions = new ArrayList<String>();
            for (JsonNode f : line.path("fusions")) fusions.add(f.asText());
            lines.add(new CellLineReading(line.path("cellLine").asText(), List.copyOf(changes), List.copyOf(fusions)));
        }
        return new Reading(r.path("level").asInt(level == null ? 400 : level.bands()), List.copyOf(lines));
    }

    private static Map<String, Object> body(String text, BandLevel level) {
        var body = new LinkedHashMap<String, Object>();
        body.put("karyotype", text);
        body.put("mode", "strict");
        if (level != null) body.put("level", level.bands());
        return body;
    }

    private static List<Issue> issues(JsonNode array, String text) {
        var out = new ArrayList<Issue>();
        for (JsonNode i : array) {
            out.add(new Issue(i.path("column").asInt(-1), i.path("message").asText(), i.hasNonNull("fix") ? i.get("fix").asText() : null, text));
        }
        return List.copyOf(out);
    }

    /**
     * Why a text is not ISCN: the problem's placed issues (column, message, fix, as the server sends them); else its
     * violations, unplaced; else its detail.
     */
    static List<Issue> errors(Problem problem, String text) {
        var errors = new ArrayList<Issue>();
        for (IscnIssue i : problem.issues()) errors.add(new Issue(i.column(), i.message(), i.fix(), text));
        if (errors.isEmpty()) for (Violation v : problem.violations()) errors.add(new Issue(-1, v.message(), null, text));
        if (errors.isEmpty()) {
            errors.add(new Issue(-1, problem.detail() != null ? problem.detail() : String.valueOf(problem.title()), null, text));
        }
        return List.copyOf(errors);
    }
}
