package org.karyolab.server.service;

import org.karyolab.schema.Project;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.ProjectInfo;
import org.karyolab.server.store.ProjectRepository;
import org.karyolab.server.store.ProjectRepository.StoredProject;

import java.util.List;

/** Annotation projects: their label set and defaults. */
public final class ProjectService {

    /** Who may start a project ({@code karyolab.projects.creators}): any signed-in user, or admins only. */
    public enum Creators {
        ANYONE, ADMINS;

        public static Creators parse(String text) {
            for (Creators c : values()) if (c.name().equalsIgnoreCase(text.strip())) return c;
            throw new IllegalArgumentException("karyolab.projects.creators must be 'anyone' or 'admins', was '" + text + "'");
        }
    }

    private final ProjectRepository projects;
    private final Creators creators;

    public ProjectService(ProjectRepository projects) {
        this(projects, Creators.ANYONE);
    }

    public ProjectService(ProjectRepository projects, Creators creators) {
        this.projects = projects;
        this.creators = creators;
    }

    /** Starts a project, if the server's setting lets this caller ({@code admin} or not) do so. */
    public Outcome<ProjectInfo> create(Project project, boolean admin) {
        if (creators == Creators.ADMINS && !admin) {
            return new Outcome.Refused<>(Outcome.Refused.Why.NOT_FOR_THIS_CALLER, "forbidden",
                    "on this server only admins may start projects (karyolab.projects.creators: admins)", null);
        }
        return create(project);
    }

    public Outcome<ProjectInfo> create(Project project) {
        List<Violation> violations = project.validate();
        if (!violations.isEmpty()) return Outcome.invalid("the project is not valid", violations);
        return projects.create(project).<Outcome<ProjectInfo>>map(p -> Outcome.done(wire(p)))
                .orElseGet(() -> Outcome.invalid("a project with this name exists",
                        List.of(new Violation("/name", "a project named '" + project.name() + "' already exists"))));
    }

    public Outcome<ProjectInfo> update(String id, Project project) {
        List<Violation> violations = project.validate();
        if (!violations.isEmpty()) return Outcome.invalid("the project is not valid", violations);
        if (projects.get(id).isEmpty()) return Outcome.notFound("project", id);
        return projects.update(id, project).<Outcome<ProjectInfo>>map(p -> Outcome.done(wire(p)))
                .orElseGet(() -> Outcome.invalid("a project with this name exists",
                        List.of(new Violation("/name", "another project is named '" + project.name() + "'"))));
    }

    /** Deletes a project and its images (softly: see {@link ProjectRepository#delete}); {@code by} is who. */
    public Outcome<String> delete(String id, String by) {
        return projects.delete(id, by, java.time.Instant.now()) ? Outcome.done(id) : Outcome.notFound("project", id);
    }

    public Outcome<ProjectInfo> get(String id) {
        return projects.get(id).<Outcome<ProjectInfo>>map(p -> Outcome.done(wire(p)))
                .orElseGet(() -> Outcome.notFound("project", id));
    }

    public List<ProjectInfo> list() {
        return projects.list().stream().map(ProjectService::wire).toList();
    }

    private static ProjectInfo wire(StoredProject p) {
        return new ProjectInfo(p.id(), p.project(), p.createdAt());
    }
}
