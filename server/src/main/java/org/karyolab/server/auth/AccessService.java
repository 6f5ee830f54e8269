package org.karyolab.server.auth;

import org.karyolab.server.store.MemberRepository;
import org.karyolab.server.store.ProjectRepository;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who may do what in which project: membership plus the role's allowed actions; admins may do everything. */
public final class AccessService {

    private final MemberRepository members;
    private final ProjectRepository projects;
    private final Clock clock;

    public AccessService(MemberRepository members, ProjectRepository projects, Clock clock) {
        this.members = members;
        this.projects = projects;
        this.clock = clock;
    }

    public Access check(Caller caller, String projectId, Action action) {
        if (caller == null) return new Access.Unauthenticated();
        if (projectId == null) return new Access.NoSuchProject("project", null);
        // A membership row proves the project exists (foreign key): one query on the common path.
        Optional<Role> role = roleOf(caller, projectId);
        if (role.isEmpty() && !projects.exists(projectId)) return new Access.NoSuchProject("project", projectId);
        if (caller.admin()) return new Access.Granted(caller, role.orElse(Role.OWNER));
        if (role.isEmpty()) return new Access.Forbidden(caller, caller.username() + " is not a member of this project");
        if (!role.get().allows(action)) {
            return new Access.Forbidden(caller, "the " + role.get().json() + " role may not "
                    + action.name().toLowerCase(Locale.ROOT) + " in this project");
        }
        return new Access.Granted(caller, role.get());
    }

    public Optional<Role> roleOf(Caller caller, String projectId) {
        return members.roleOf(projectId, caller.userId()).map(Role::valueOf);
    }

    /** What a change of membership came to. */
    public enum MemberChange { DONE, NOT_A_MEMBER, LAST_OWNER }

    /** Adds a member or changes their role; LAST_OWNER if that would leave the project without an owner. */
    public MemberChange setRole(String projectId, String userId, Role role) {
        return MemberChange.valueOf(members.put(projectId, userId, role.name(), clock.instant()).name());
    }

    /** Removes a member (or a member leaves); never the last owner. */
    public MemberChange removeMember(String projectId, String userId) {
        return MemberChange.valueOf(members.remove(projectId, userId).name());
    }

    /** A member as the API shows them: the role spelt as it is sent ("owner"). */
    public record MemberView(String projectId, String userId, String username, Role role, java.time.Instant addedAt) {}

    public List<MemberView> members(String projectId) {
        return members.members(projectId).stream()
                .map(m -> new MemberView(m.projectId(), m.userId(), m.username(), Role.valueOf(m.role()), m.addedAt()))
                .toList();
    }

    /** The projects a caller may see: all of them for an admin, else those they are a member of. */
    public List<String> visibleProjects(Caller caller) {
        return members.projectsOf(caller.userId());
    }
}
