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
                new ProjectService(projects, projectCreators()),
                new ImageService(images, blobs, imageLimits, dataDirectory.resolve("thumbnails"), events),
                new AnnotationService(annotationStore, images, clock, events, rules, leaseCheck),
                new AuthService(new UserRepository(database), new PasswordHasher(), clock, members::isSoleOwnerSomewhere),
                new AccessService(members, projects, clock),
                new AuditService(new AuditRepository(database), clock),
                new SuggestionService(new SuggestionRepository(database, annotationStore), images, clock, events, rules, leaseCheck),
                new ReviewService(annotationStore, new ReviewRepository(database, annotationStore), images, clock, events, leaseCheck),
                new WorkQueue(leases, images, clock, leaseTime()),
                events,
                new ImageLabelService(new ImageLabelRepository(database, clock, org.karyolab.server.service.WriteOrigin.TRAIL), images, events,
                        leaseCheck));
    }

    /**
     * How long a queue lease lasts: {@code karyolab.queue.lease-minutes} in application.yaml, 30 if unset.
     * The environment variable KARYOLAB_QUEUE_LEASE_MINUTES reaches Helidon as the dotted
     * {@code karyolab.queue.lease.minutes}, so that spelling is asked first and wins.
     */
    private static java.time.Duration leaseTime() {
        io.helidon.config.Config config = io.helidon.config.Config.create();
        io.helidon.config.Config dotted = config.get("karyolab.queue.lease.minutes");
        int minutes = (dotted.exists() && dotted.isLeaf() ? dotted : config.get("karyolab.queue.lease-minutes")).asInt()
                .orElse((int) WorkQueue.DEFAULT_LEASE.toMinutes());
        if (minutes < 1) throw new IllegalArgumentException("karyolab.queue.lease-minutes must be at least 1, was " + minutes);
        return java.time.Duration.ofMinutes(minutes);
    }

    /**
     * Who may start projects: {@code karyolab.projects.creators} ({@code anyone}, the default, or {@code admins});
     * the environment variable is KARYOLAB_PROJECTS_CREATORS.
     */
    private static ProjectService.Creators projectCreators() {
        return io.helidon.config.Config.create().get("karyolab.projects.creators").asString()
                .map(ProjectService.Creators::parse).orElse(ProjectService.Creators.ANYONE);
    }

    public void register(HttpRouting.Builder routing) {
        var guard = new Guard(access, images, annotations);
        var imageRoutes = new ImagesHttpService(images, projects, guard);
        var annotationRoutes = new AnnotationsHttpService(annotations, guard);
        var authRoutes = new AuthHttpService(auth, audit, guard);
        var suggestionRoutes = new SuggestionsHttpService(suggestions, guard);
        var reviewRoutes = new ReviewHttpService(reviews, guard);
        var queueRoutes = new QueueHttpService(queue, guard);
        var openApi = OpenApiDocument.load();
        routing.addFilter(new RequestMetrics(Metrics.globalRegistry()))
                .addFilter(new AuthFilter(auth, audit))
                .register("/api/v1/auth", authRoutes.session())
                .register("/api/v1/users", authRoutes.users())
                .register("/api/v1/audit", authRoutes.serverAudit())
                .register("/api/v1/projects", new ProjectsHttpService(projects, access, auth, audit, guard), imageRoutes.byProject())
                .register("/api/v1/images", imageRoutes.byId(), annotationRoutes.byImage())
                .register("/api/v1/annotations", annotationRoutes.byId())
                .register("/api/v1/projects", new EventsHttpService(events, guard).byProject())
                .register("/api/v1/images", suggestionRoutes.byImage(), reviewRoutes.byImage(), queueRoutes.byImage())
                .register("/api/v1/images", new ImageLabelsHttpService(imageLabels, guard))
                .register("/api/v1/suggestions", suggestionRoutes.byId())
                .register("/api/v1/annotations", reviewRoutes.byAnnotation())
                .register("/api/v1/projects", suggestionRoutes.byProject(), queueRoutes.byProject())
                .register("/api/v1/leases", queueRoutes.byLease())
                .register("/api/v1/karyotype", new KaryotypeHttpService(
                        new KaryotypeService(bands -> RequestBudget.charge("reading the karyotype", bands)), guard))
                .register("/openapi", new OpenApiHttpService(openApi))
                .error(Exception.class, new ErrorAnswers(RouteTable.of(openApi)));
    }
}
