package io.tidbcloud.api.project;

import io.tidbcloud.api.common.Ids;
import io.tidbcloud.api.error.ApiException;
import io.tidbcloud.api.paging.PageRequest;
import io.tidbcloud.api.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/** Projects a tenant belongs to. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProjectService {

    static final int MAX_NAME_LENGTH = 64;
    private static final String MEMBER_OF = "id in (select m.projectId from ProjectMember m where m.subject = ?1)";

    /** A page of the caller's projects, oldest first, and how many they have in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Tenant tenant, PageRequest page) {
        long total = Project.count(MEMBER_OF, tenant.subject());
        List<Project> projects = Project.<Project>find(MEMBER_OF + " order by createdAt, id", tenant.subject())
                .range(page.offset(), page.offset() + page.size() - 1)
                .list();
        return new Page(views(projects), total);
    }

    /** The project with this id if the tenant is one of its members; empty otherwise, whether it exists or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Project> findVisible(Tenant tenant, long projectId) {
        return Project.<Project>find("id = ?2 and " + MEMBER_OF, tenant.subject(), projectId)
                .firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProjectView> get(Tenant tenant, long projectId) {
        return findVisible(tenant, projectId).map(p -> views(List.of(p)).get(0));
    }

    /** The project a cluster goes to when its request names none: the tenant's {@code default} project. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Project> defaultProject(Tenant tenant, String name) {
        return Project.<Project>find(
                        "orgId = ?2 and name = ?3 and " + MEMBER_OF, tenant.subject(), tenant.orgId(), name)
                .firstResultOptional();
    }

    /** Creates a project in the tenant's organization, owned by the tenant. */
    public ProjectView create(Tenant tenant, CreateProjectRequest request) {
        if (request == null) {
            throw ApiException.invalidArgument("body", "is required: {\"name\": \"...\"}");
        }
        String name = validName(request.name());
        if (Project.count("orgId = ?1 and name = ?2", tenant.orgId(), name) > 0) {
            throw ApiException.alreadyExists("A project named '" + name + "' already exists in your organization");
        }
        Project project;
        try {
            project = createOwnedBy(tenant.orgId(), name, tenant.subject());
            Project.flush();
        } catch (ConstraintViolationException e) {
            throw ApiException.alreadyExists("A project named '" + name + "' already exists in your organization");
        }
        return ProjectView.of(project, 0, 1);
    }

    /** Creates a project in an organization with {@code ownerSubject} as its owner. */
    public Project createOwnedBy(long orgId, String name, String ownerSubject) {
        Instant now = Instant.now();
        Project project = new Project();
        project.id = Ids.next();
        project.orgId = orgId;
        project.name = name;
        project.createdAt = now;
        project.persist();

        ProjectMember owner = new ProjectMember();
        owner.id = Ids.next();
        owner.projectId = project.id;
        owner.subject = ownerSubject;
        owner.role = ProjectMember.Role.OWNER;
        owner.createdAt = now;
        owner.persist();
        return project;
    }

    private static String validName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidArgument("name", "is required and must not be empty");
        }
        String name = raw.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiException.invalidArgument(
                    "name", "must be at most " + MAX_NAME_LENGTH + " characters, not " + name.length());
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidArgument("name", "must not contain control characters");
        }
        return name;
    }

    private static List<ProjectView> views(List<Project> projects) {
        if (projects.isEmpty()) {
            return List.of();
        }
        List<Long> ids = projects.stream().map(p -> p.id).toList();
        Map<Long, Long> userCounts = countBy(
                "select m.projectId, count(m) from ProjectMember m where m.projectId in :ids group by m.projectId",
                ids);
        Map<Long, Long> clusterCounts = countBy(
                "select c.projectId, count(c) from Cluster c where c.projectId in :ids group by c.projectId", ids);
        return projects.stream()
                .map(p -> ProjectView.of(p, clusterCounts.getOrDefault(p.id, 0L), userCounts.getOrDefault(p.id, 0L)))
                .toList();
    }

    private static Map<Long, Long> countBy(String query, Collection<Long> ids) {
        List<Object[]> rows = Project.getEntityManager()
                .createQuery(query, Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    /** One page of projects and the size of the whole list. */
    public record Page(List<ProjectView> projects, long total) {}
}
