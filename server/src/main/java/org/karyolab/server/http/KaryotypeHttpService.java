package org.karyolab.server.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.karyolab.learning.karyotype.KaryotypeOutcome;
import org.karyolab.learning.karyotype.KaryotypeService;
import org.karyolab.learning.karyotype.KaryotypeService.KaryotypeRequest;
import org.karyolab.learning.karyotype.KaryotypeService.ReadRequest;
import org.karyolab.server.service.Outcome;
import org.karyolab.server.service.WriteOrigin;

/**
 * Karyotype text and band-level reasoning, under {@code /api/v1/karyotype}: {@code POST /parse}, {@code /check},
 * {@code /lgf} (body {@code {"karyotype": "...", "mode": "strict|lenient", "level": 400}}) and {@code /read}
 * (observed band sequences). Any signed-in caller; nothing is stored. An invalid karyotype is 422 with a violation
 * at {@code /karyotype} giving the column and the fix; a body that is not JSON of this shape is 400.
 */
public final class KaryotypeHttpService implements HttpService {

    private final KaryotypeService karyotypes;
    private final Guard guard;

    public KaryotypeHttpService(KaryotypeService karyotypes, Guard guard) {
        this.karyotypes = karyotypes;
        this.guard = guard;
    }

    /** Routes under {@code /api/v1}. */
    @Override
    public void routing(io.helidon.webserver.http.HttpRules rules) {
        rules.post("/karyotype/parse", this::parse)
                .post("/karyotype/check", this::check)
                .post("/karyotype/lgf", this::lgf)
                .post("/karyotype/read", this::read);
    }

    /** These POSTs compute and store nothing: no audit row (the filter audits every accepted POST otherwise). */
    private static void nothingToAudit() {
        if (WriteOrigin.CURRENT.isBound()) WriteOrigin.CURRENT.get().audited().set(true);
    }

    private void parse(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(c -> {
            nothingToAudit();
            Http.body(req, res, KaryotypeRequest.class).ifPresent(body -> Http.send(res, outcome(karyotypes.parse(body)), Status.OK_200));
        });
    }

    private void check(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(c -> {
            nothingToAudit();
            Http.body(req, res, KaryotypeRequest.class).ifPresent(body -> Http.send(res, outcome(karyotypes.check(body)), Status.OK_200));
        });
    }

    private void lgf(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(c -> {
            nothingToAudit();
            Http.body(req, res, KaryotypeRequest.class).ifPresent(body -> Http.send(res, outcome(karyotypes.lgf(body)), Status.OK_200));
        });
    }

    private void read(ServerRequest req, ServerResponse res) {
        guard.caller(req, res).ifPresent(c -> {
            nothingToAudit();
            Http.body(req, res, ReadRequest.class, JsonBody.Limits.budgeted("decoding the cell"))
                    .ifPresent(body -> Http.send(res, outcome(karyotypes.read(body)), Status.OK_200));
        });
    }

    /** Learning's answer as the server's outcome: the same two cases. */
    private static <T> Outcome<T> outcome(KaryotypeOutcome<T> answer) {
        return switch (answer) {
            case KaryotypeOutcome.Done<T>(T value) -> Outcome.done(value);
            case KaryotypeOutcome.Invalid<T>(String detail, var violations, var issues) -> new Outcome.Invalid<>(detail, violations, issues);
        };
    }
}
