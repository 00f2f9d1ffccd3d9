package io.tidbcloud.api.project;

import io.tidbcloud.api.common.Ids;
import io.tidbcloud.api.paging.PageRequest;
import io.tidbcloud.api.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Projects a tenant belongs to. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProjectService {

    /** A page of the caller's projects, oldest first, and how many they have in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Tenant tenant, PageRequest page) {
        long total = Project.count(
                "id in (select m.projectId from ProjectMember m where m.subject = ?1)", tenant.subject());
        List<Project> projects = Project.<Project>find(
                        "id in (select m.projectId from ProjectMember m where m.subject = ?1) order by createdAt, id",
                        tenant.subject())
                .range(page.offset(), page.offset() + page.size() - 1)
                .list();
        Map<Long, Long> userCounts = userCounts(projects);
        List<ProjectView> views = projects.stream()
                .map(p -> ProjectView.of(p, 0, userCounts.getOrDefault(p.id, 0L)))
                .toList();
        return new Page(views, total);
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

    private static Map<Long, Long> userCounts(List<Project> projects) {
        if (projects.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = ProjectMember.getEntityManager()
                .createQuery("select m.projectId, count(m) from ProjectMember m where m.projectId in :ids group by m.projectId",
                        Object[].class)
                .setParameter("ids", projects.stream().map(p -> p.id).toList())
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    /** One page of projects and the size of the whole list. */
    public record Page(List<ProjectView> projects, long total) {
    }
}
