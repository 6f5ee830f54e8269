package org.karyolab.client.net;

import org.karyolab.schema.api.ServerEvent;
import org.karyolab.schema.api.ReviewState;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.schema.api.Page;
import org.karyolab.schema.api.Lease;
import org.karyolab.schema.api.ImageReview;
import org.karyolab.schema.api.ImageInfo;
import org.karyolab.schema.api.BatchOperation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyolab.client.LiveServer;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.AnnotationStatus;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Provenance;
import org.karyolab.schema.shape.Box;

/** The HTTP client against a real server: typed problems, paging, the queue, review, thumbnails, live events. */
class KaryoLabClientTest {

    @TempDir
    static Path data;
    static LiveServer server;
    static KaryoLabClient admin;

    @BeforeAll
    static void start() {
        server = LiveServer.start(data);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Annotation box(String id, String imageId, double x, ChromosomeClass c) {
        return new Annotation(id, imageId, new Box(x, 10, 20, 40), AnnotationLabels.ofClass(c, null), Provenance.human("admin"),
                0, AnnotationStatus.DRAFT, null, null);
    }

    @Test
    void problemsArriveTypedWithTheServersDetailAndEveryViolation() {
        assertThatThrownBy(() -> new KaryoLabClient(server.url()).login("admin", "wrong"))
                .isInstanceOfSatisfying(Problems.NotAllowedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.detail()).contains("password");
                });
        String imageId = server.image(admin, server.project(admin, "problems"), 100, 100);
        assertThatThrownBy(() -> admin.saveBatch(imageId, List.of(BatchOperation.create(box("x1", imageId, 500, ChromosomeClass.C1)))))
                .isInstanceOfSatisfying(Problems.InvalidException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.type()).isEqualTo("validation");
                    assertThat(e.violations()).isNotEmpty().allMatch(v -> v.pointer().startsWith("/changes/0/annotation/shape"));
                });
        List<Annotation> saved = admin.saveBatch(imageId, List.of(BatchOperation.create(box("a1", imageId, 10, ChromosomeClass.C1))));
        assertThat(saved).singleElement().satisfies(a -> assertThat(a.revision()).isEqualTo(1));
        admin.saveBatch(imageId, List.of(BatchOperation.update(box("a1", imageId, 12, ChromosomeClass.C2), 1)));
        assertThatThrownBy(() -> admin.saveBatch(imageId, List.of(BatchOperation.update(box("a1", imageId, 14, ChromosomeClass.C3), 1))))
                .isInstanceOfSatisfying(Problems.StaleRevisionException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.index()).isZero();
                    assertThat(e.currentRevision()).isEqualTo(2);
                    assertThat(e.current().labels().chromosomeClass()).isEqualTo(ChromosomeClass.C2);
                });
        assertThatThrownBy(() -> admin.image("no-such-image")).isInstanceOf(Problems.NotFoundException.class);
        assertThatThrownBy(() -> new KaryoLabClient("http://127.0.0.1:" + LiveServer.freePort()).projects())
                .isInstanceOf(ServerUnreachableException.class);
    }

    @Test
    void everyPageOfAnImagesAnnotationsIsLoaded() {
        // more than the server's default page (1000): the list comes in linked pages and the client follows them
        String imageId = server.image(admin, server.project(admin, "annotation-pages"), 400, 400);
        List<String> ids = new java.util.ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<BatchOperation> changes = new java.util.ArrayList<>();
            for (int i = 0; i < 800; i++) {
                String id = "p" + batch + "-" + i;
                ids.add(id);
                changes.add(BatchOperation.create(box(id, imageId, 10 + (i % 300), ChromosomeClass.C1)));
            }
            admin.saveBatch(imageId, changes);
        }
        int[] announced = {-1};
        List<Annotation> loaded = admin.annotations(imageId, n -> announced[0] = n);
        assertThat(loaded).extracting(Annotation::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(announced[0]).isEqualTo(2400);
    }

    @Test
    void aLinkHeaderNamesTheNextPageUnderTheApi() {
        assertThat(KaryoLabClient.nextPage("</api/v1/images/i/annotations?limit=2&after=YTE6>; rel=\"next\""))
                .isEqualTo("/images/i/annotations?limit=2&after=YTE6");
        assertThat(KaryoLabClient.nextPage("<http://h:1/api/v1/images/i/annotations?after=x>; rel=next")).isEqualTo("/images/i/annotations?after=x");
        assertThat(KaryoLabClient.nextPage("</api/v1/x>; rel=\"prev\"")).isNull();
        assertThat(KaryoLabClient.nextPage("</elsewhere>; rel=\"next\"")).as("only under the API").isNull();
        assertThat(KaryoLabClient.nextPage(null)).isNull();
    }

    @Test
    void imagesArePagedAndThumbnailsArePngs() {
        String projectId = server.project(admin, "paging");
        for (int i = 0; i < 3; i++) server.image(admin, projectId, 64 + i, 48);
        Page<ImageInfo> first = admin.images(projectId, 2, null);
        assertThat(first.items()).hasSize(2);
        assertThat(first.last()).isFalse();
        Page<ImageInfo> second = admin.images(projectId, 2, first.next());
        assertThat(second.items()).hasSize(1);
        assertThat(second.last()).isTrue();
        ImageInfo image = second.items().getFirst();
        assertThat(image.asset().width()).isEqualTo(66);
        assertThat(admin.imageContent(image.id())).isEqualTo(LiveServer.png(66, 48));
        byte[] thumb = admin.thumbnail(image.id(), 32);
        assertThat(thumb).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(admin.projects()).extracting(ProjectInfo::id).contains(projectId);
    }

    @Test
    void theQueueHandsOutImagesAndSaysWhenItIsEmpty() {
        String empty = server.project(admin, "empty-queue");
        assertThat(admin.nextImage(empty)).isEmpty();
        String projectId = server.project(admin, "queue");
        String imageId = server.image(admin, projectId, 128, 96);
        Lease lease = admin.nextImage(projectId).orElseThrow();
        assertThat(lease.imageId()).isEqualTo(imageId);
        assertThat(lease.live()).isTrue();
        assertThat(admin.renewLease(lease.id()).live()).isTrue();
        admin.saveBatch(imageId, List.of(BatchOperation.create(box("q1", imageId, 5, ChromosomeClass.C1))));
        ImageReview submitted = admin.submit(imageId);
        assertThat(submitted.reviewState()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(submitted.changed()).extracting(Annotation::status).containsExactly(AnnotationStatus.SUBMITTED);
        assertThat(admin.reviewState(imageId).reviewState()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(admin.nextImage(projectId)).as("a submitted image is not handed out").isEmpty();
    }

    @Test
    void liveEventsReachTheListenerAndCarryTheirIds() throws Exception {
        String projectId = server.project(admin, "events");
        String imageId = server.image(admin, projectId, 128, 96);
        var events = new LinkedBlockingQueue<EventStream.Received>();
        var connected = new LinkedBlockingQueue<Boolean>();
        try (EventStream stream = admin.events(projectId, null, new EventStream.Listener() {
            public void event(EventStream.Received e) {
                events.add(e);
            }

            public void connection(boolean up) {
                connected.add(up);
            }
        })) {
            assertThat(connected.poll(10, TimeUnit.SECONDS)).isTrue();
            admin.saveBatch(imageId, List.of(BatchOperation.create(box("e1", imageId, 5, ChromosomeClass.C1))));
            EventStream.Received saved = events.poll(10, TimeUnit.SECONDS);
            while (saved != null && !saved.event().type().equals("annotation-saved")) saved = events.poll(10, TimeUnit.SECONDS);
            assertThat(saved).isNotNull();
            var annotationSaved = (ServerEvent.AnnotationSaved) saved.event();
            assertThat(annotationSaved.imageId()).isEqualTo(imageId);
            assertThat(annotationSaved.annotationId()).isEqualTo("e1");
            assertThat(annotationSaved.change()).isEqualTo("created");
            assertThat(saved.clientId()).isEqualTo(admin.clientId());
            assertThat(stream.lastEventId()).isEqualTo(saved.id());
        }
    }
}
