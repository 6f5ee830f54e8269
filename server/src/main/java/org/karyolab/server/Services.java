package org.karyolab.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import org.karyolab.server.auth.AccessService;
import org.karyolab.server.auth.AuthService;
import org.karyolab.server.auth.PasswordHasher;
import org.karyolab.server.http.AnnotationsHttpService;
import org.karyolab.server.http.AuthFilter;
import org.karyolab.server.http.AuthHttpService;
import org.karyolab.server.http.Guard;
import org.karyolab.server.http.ImagesHttpService;
import org.karyolab.server.http.ProjectsHttpService;
import org.karyolab.server.service.AnnotationService;
import org.karyolab.server.service.AuditService;
import org.karyolab.server.service.ImageService;
import org.karyolab.server.service.ProjectService;
import org.karyolab.server.store.AnnotationRepository;
import org.karyolab.server.store.AuditRepository;
import org.karyolab.server.store.BlobStore;
import org.karyolab.server.store.Database;
import org.karyolab.server.store.ImageRepository;
import org.karyolab.server.store.MemberRepository;
import org.karyolab.server.store.ProjectRepository;
import org.karyolab.server.store.UserRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The composition root: storage, the services on it, and the routes on them. */
public record Services(ProjectService projects, ImageService images, AnnotationService annotations, AuthService auth,
                       AccessService access, AuditService audit) {

    private static final Logger LOG = Logger.getLogger(Services.class.getName());

    public static Services create(Database database, Path dataDirectory) {
        BlobStore blobs;
        try {
            blobs = BlobStore.open(dataDirectory.resolve("blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blob store under " + dataDirectory, e);
        }
        Clock clock = Clock.systemUTC();
        ImageRepository images = new ImageRepository(database, clock);
        ProjectRepository projects = new ProjectRepository(database, clock);
        return new Services(
                new ProjectService(projects),
                new ImageService(images, blobs, ImageService.Limits.DEFAULT),
                new AnnotationService(new AnnotationRepository(database, clock), images, clock),
                new AuthService(new UserRepository(database), new PasswordHasher(), clock),
                new AccessService(new MemberRepository(database), projects, clock),
                new AuditService(new AuditRepository(database), clock));
    }

    public void register(HttpRouting.Builder routing) {
        var guard = new Guard(access, images, annotations);
        var imageRoutes = new ImagesHttpService(images, projects, guard);
        var annotationRoutes = new AnnotationsHttpService(annotations, guard);
        var authRoutes = new AuthHttpService(auth, guard);
        routing.addFilter(new AuthFilter(auth, audit))
                .register("/api/v1/auth", authRoutes.session())
                .register("/api/v1/users", authRoutes.users())
                .register("/api/v1/projects", new ProjectsHttpService(projects, access, auth, audit, guard), imageRoutes.byProject())
                .register("/api/v1/images", imageRoutes.byId(), annotationRoutes.byImage())
                .register("/api/v1/annotations", annotationRoutes.byId())
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "unhandled error on " + req.prologue().method() + " " + req.prologue().uriPath().path(), e);
                    res.status(Status.INTERNAL_SERVER_ERROR_500);
                    res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
                    res.send("{\"type\":\"urn:karyolab:problem:internal\",\"title\":\"Internal error\",\"status\":500,"
                            + "\"detail\":\"the server failed; nothing was half-written (each write is one transaction); "
                            + "the server log has the cause\"}");
                });
    }
}
