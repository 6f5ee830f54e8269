package org.karyolab.server.service;

import org.karyolab.schema.Project;
import org.karyolab.schema.Violation;
import org.karyolab.server.store.ProjectRepository;
import org.karyolab.server.store.ProjectRepository.StoredProject;

import java.util.List;

/** Annotation projects: their label set and defaults. */
public final class ProjectService {

    private final ProjectRepository projects;

    public ProjectService(ProjectRepository projects) {
        this.projects = projects;
    }

    public Outcome<StoredProject> create(Project project) {
        List<Violation> violations = project.validate();
        if (!violations.isEmpty()) return Outcome.invalid("the project is not valid", violations);
        return projects.create(project).<Outcome<StoredProject>>map(Outcome::done)
                .orElseGet(() -> Outcome.invalid("a project with this name exists",
                        List.of(new Violation("/name", "a project named '" + project.name() + "' already exists"))));
    }

    public Outcome<StoredProject> update(String id, Project project) {
        List<Violation> violations = project.validate();
        if (!violations.isEmpty()) return Outcome.invalid("the project is not valid", violations);
        if (projects.get(id).isEmpty()) return Outcome.notFound("project", id);
        return projects.update(id, project).<Outcome<StoredProject>>map(Outcome::done)
                .orElseGet(() -> Outcome.invalid("a project with this name exists",
                        List.of(new Violation("/name", "another project is named '" + project.name() + "'"))));
    }

    public Outcome<StoredProject> get(String id) {
        return projects.get(id).<Outcome<StoredProject>>map(Outcome::done)
                .orElseGet(() -> Outcome.notFound("project", id));
    }

    public List<StoredProject> list() {
        return projects.list();
    }
}
