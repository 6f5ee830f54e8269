package org.karyolab.server;

import io.helidon.webserver.http.HttpRouting;
import org.karyolab.server.auth.AccessService;
import org.karyolab.server.auth.AuthService;
import org.karyolab.server.auth.PasswordHasher;
import org.karyolab.server.http.AnnotationsHttpService;
import org.karyolab.server.http.AuthFilter;
import org.karyolab.server.http.AuthHttpService;
import org.karyolab.server.http.ErrorAnswers;
import org.karyolab.server.http.RouteTable;
import org.karyolab.server.http.Guard;
import org.karyolab.server.http.ImageLabelsHttpService;
import org.karyolab.server.http.ImagesHttpService;
import org.karyolab.server.http.KaryotypeHttpService;
import org.karyolab.server.http.ProjectsHttpService;
import org.karyolab.server.http.QueueHttpService;
import org.karyolab.server.http.OpenApiDocument;
import org.karyolab.server.http.OpenApiHttpService;
import org.karyolab.server.http.ReviewHttpService;
import org.karyolab.server.http.SuggestionsHttpService;
import org.karyolab.server.http.RequestMetrics;
import io.helidon.metrics.api.Metrics;
import org.karyolab.server.service.AnnotationService;
import org.karyolab.server.service.EventBus;
import org.karyolab.server.http.EventsHttpService;
import org.karyolab.server.service.AuditService;
import org.karyolab.server.service.ImageLabelService;
import org.karyolab.learning.karyotype.KaryotypeService;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.service.ProjectService;
import org.karyolab.server.service.RequestBudget;
import org.karyolab.server.service.ReviewService;
import org.karyolab.server.service.SuggestionService;
import org.karyolab.server.service.WorkQueue;
import org.karyolab.server.store.AnnotationRepository;
import org.karyolab.server.store.AuditRepository;
import org.karyolab.server.store.BlobStore;
import org.karyolab.server.store.Database;
import org.karyolab.server.store.ImageLabelRepository;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.LeaseRepository;
import org.karyolab.server.store.ReviewRepository;
import org.karyolab.server.store.SuggestionRepository;
import org.karyolab.server.store.MemberRepository;
import org.karyolab.server.store.ProjectRepository;
import org.karyolab.server.store.UserRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** The composition root: storage, the services on it, and the routes on them. */
public record Services(ProjectService projects, ImageService images, AnnotationService annotations, AuthService auth,
                       AccessService access, AuditService audit, SuggestionService suggestions, ReviewService reviews,
                       WorkQueue queue,
                       EventBus events, ImageLabelService imageLabels) {

    public static Services create(Database database, Path dataDirectory) {
        return create(database, dataDirectory, ImageService.Limits.DEFAULT);
    }

    /** @param imageLimits upload limits (karyolab.limits.* in application.yaml) */
    public static Services create(Database database, Path dataDirectory, ImageService.Limits imageLimits) {
        return create(database, dataDirectory, imageLimits, Clock.systemUTC());
    }

    /** @param clock what every service takes the time from (a test moves it to let leases expire) */
    public static Services create(Database database, Path dataDirectory, ImageService.Limits imageLimits, Clock clock) {
        return create(database, dataDirectory, imageLimits, WorkQueue.DEFAULT_LEASE, ProjectService.Creators.ANYONE, clock);
    }

    /** The services a server of these settings runs, on its database. */
    public static Services create(Database database, ServerSettings settings, Clock clock) {
        return create(database, settings.dataDirectory(), settings.imageLimits(), settings.leaseTime(),
                settings.projectCreators(), clock);
    }

    private static Services create(Database database, Path dataDirectory, ImageService.Limits imageLimits,
                                   java.time.Duration leaseTime, ProjectService.Creators creators, Clock clock) {
        BlobStore blobs;
        try {
            blobs = BlobStore.open(dataDirectory.resolve("blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blob store under " + dataDirectory, e);
        }
        ImageRepository images = new ImageRepository(database, clock);
        images.fillIndexColumns(); // images stored before V4 get their filter columns
        EventBus events = new EventBus();
        ProjectRepository projects = new ProjectRepository(database, clock);
        MemberRepository members = new MemberRepository(database);
        AnnotationRepository annotationStore = new AnnotationRepository(database, clock, org.karyolab.server.service.WriteOrigin.TRAIL);
        var rules = new org.karyolab.server.service.AnnotationRules(projects);
        LeaseRepository leases = new LeaseRepository(database);
        var leaseCheck = new org.karyolab.server.service.LeaseCheck(leases, clock);
        return new Services(
                new ProjectService(projects, creators),
                new ImageService(images, blobs, imageLimits, dataDirectory.resolve("thumbnails"), events),
                new AnnotationService(annotationStore, images, clock, events, rules, leaseCheck),
                new AuthService(new UserRepository(database), new PasswordHasher(), clock, members::isSoleOwnerSomewhere),
                new AccessService(members, projects, clock),
                new AuditService(new AuditRepository(database), clock),
                new SuggestionService(new SuggestionRepository(database, annotationStore), images, clock, events, rules, leaseCheck),
                new ReviewService(annotationStore, new ReviewRepository(database, annotationStore), images, clock, events, leaseCheck),
                new WorkQueue(leases, images, clock, leaseTime),
                events,
                new ImageLabelService(new ImageLabelRepository(database, clock, org.karyolab.server.service.WriteOrigin.TRAIL), images, events,
                        leaseCheck));
    }

    /** Every route: each service once, with its full paths under {@code /api/v1}; the API document at {@code /openapi}. */
    public void register(HttpRouting.Builder routing) {
        var guard = new Guard(access, images, annotations);
        var openApi = OpenApiDocument.load();
        routing.addFilter(new RequestMetrics(Metrics.globalRegistry()))
                .addFilter(new AuthFilter(auth, audit))
                .register("/api/v1",
                        new AuthHttpService(auth, audit, guard),
                        new ProjectsHttpService(projects, access, auth, audit, guard),
                        new ImagesHttpService(images, projects, guard),
                        new AnnotationsHttpService(annotations, guard),
                        new EventsHttpService(events, guard),
                        new SuggestionsHttpService(suggestions, guard),
                        new ReviewHttpService(reviews, guard),
                        new QueueHttpService(queue, guard),
                        new ImageLabelsHttpService(imageLabels, guard),
                        new KaryotypeHttpService(
                                new KaryotypeService(bands -> RequestBudget.charge("reading the karyotype", bands)), guard))
                .register("/openapi", new OpenApiHttpService(openApi))
                .error(Exception.class, new ErrorAnswers(RouteTable.of(openApi)));
    }
}
