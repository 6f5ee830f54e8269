package org.karyolab.server.store;

import org.junit.jupiter.api.Test;
import org.karyolab.schema.ImageAsset;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectImageRepositoryContract extends RepositoryContractBase {

    @Test
    void createGetFindAndListProjects() {
        String name = Fixtures.unique("Karyotypes");
        var created = projects.create(Fixtures.project(name)).orElseThrow();

        assertThat(created.id()).isNotBlank();
        assertThat(created.project()).isEqualTo(Fixtures.project(name));
        assertThat(projects.get(created.id())).contains(created);
        assertThat(projects.findByName(name)).contains(created);
        assertThat(projects.list()).contains(created);
        assertThat(projects.get("no-such-project")).isEmpty();
    }

    @Test
    void projectNamesAreUnique() {
        String name = Fixtures.unique("Same name");
        var first = projects.create(Fixtures.project(name));

        assertThat(first).isPresent();
        assertThat(projects.create(Fixtures.project(name))).isEmpty();
        assertThat(projects.list().stream().filter(p -> p.project().name().equals(name))).hasSize(1);
    }

    @Test
    void updateRenamesButNotOntoATakenName() {
        var project = projects.create(Fixtures.project(Fixtures.unique("before"))).orElseThrow();
        var other = projects.create(Fixtures.project(Fixtures.unique("taken"))).orElseThrow();
        String newName = Fixtures.unique("after");

        var updated = projects.update(project.id(), Fixtures.project(newName)).orElseThrow();

        assertThat(updated).isEqualTo(new ProjectRepository.StoredProject(project.id(), Fixtures.project(newName), project.createdAt()));
        assertThat(projects.get(project.id())).contains(updated);
        assertThat(projects.findByName(project.project().name())).isEmpty();
        assertThat(projects.update(project.id(), Fixtures.project(other.project().name()))).isEmpty();
        assertThat(projects.update("no-such-project", Fixtures.project(Fixtures.unique("x")))).isEmpty();
        assertThat(projects.get(project.id())).contains(updated);
    }

    @Test
    void unicodeProjectRoundTrips() {
        String name = Fixtures.unique("Karyotyp — 染色体 🧬 Ωmega");
        var created = projects.create(Fixtures.project(name)).orElseThrow();
        assertThat(projects.findByName(name).orElseThrow().project().name()).isEqualTo(name);
        assertThat(projects.get(created.id()).orElseThrow().project().description()).isEqualTo("test project " + name);
    }

    @Test
    void imagesBelongToAProject() {
        String projectId = projects.create(Fixtures.project(Fixtures.unique("imgs"))).orElseThrow().id();
        String otherId = projects.create(Fixtures.project(Fixtures.unique("other"))).orElseThrow().id();
        ImageAsset b = Fixtures.image(Fixtures.unique("b")), a = Fixtures.image("a" + b.id());

        assertThat(images.add(projectId, b)).isEqualTo(ImageRepository.AddResult.ADDED);
        assertThat(images.add(projectId, a)).isEqualTo(ImageRepository.AddResult.ADDED);

        assertThat(images.list(projectId)).containsExactly(a, b);
        assertThat(images.list(otherId)).isEmpty();
        var stored = images.get(a.id()).orElseThrow();
        assertThat(stored.projectId()).isEqualTo(projectId);
        assertThat(stored.image()).isEqualTo(a);
        assertThat(stored.addedAt()).isNotNull();
        assertThat(images.withSha256(a.sha256())).extracting(ImageRepository.StoredImage::image).containsExactly(a);
        assertThat(images.get("no-such-image")).isEmpty();
    }

    @Test
    void duplicateImagesAndUnknownProjectsAreRefused() {
        String projectId = projects.create(Fixtures.project(Fixtures.unique("dups"))).orElseThrow().id();
        ImageAsset image = Fixtures.image(Fixtures.unique("img"));

        assertThat(images.add(projectId, image)).isEqualTo(ImageRepository.AddResult.ADDED);
        assertThat(images.add(projectId, image)).isEqualTo(ImageRepository.AddResult.ALREADY_EXISTS);
        assertThat(images.add("no-such-project", Fixtures.image(Fixtures.unique("img"))))
                .isEqualTo(ImageRepository.AddResult.NO_SUCH_PROJECT);
        assertThat(images.list(projectId)).containsExactly(image);
    }

    @Test
    void projectsAndImagesSurviveReopening() {
        var project = projects.create(Fixtures.project(Fixtures.unique("durable"))).orElseThrow();
        ImageAsset image = Fixtures.image(Fixtures.unique("img"));
        images.add(project.id(), image);

        reopen();

        assertThat(projects.get(project.id())).contains(project);
        assertThat(images.list(project.id())).isEqualTo(List.of(image));
    }
}
