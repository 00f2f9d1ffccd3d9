package io.tidbcloud.api.cluster;

import io.tidbcloud.api.common.Ids;
import io.tidbcloud.api.config.ApiConfig;
import io.tidbcloud.api.error.ApiException;
import io.tidbcloud.api.paging.PageRequest;
import io.tidbcloud.api.project.Project;
import io.tidbcloud.api.project.ProjectService;
import io.tidbcloud.api.region.Region;
import io.tidbcloud.api.region.RegionCatalog;
import io.tidbcloud.api.region.RegionView;
import io.tidbcloud.api.security.Caller;
import io.tidbcloud.api.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Serverless clusters of the projects a tenant belongs to. Creating and deleting only record the
 * new state and queue the work; {@link ClusterLifecycle} carries it out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ClusterService {

    /** TiDB Cloud's rule for display names: 4 to 64 letters, digits and hyphens, no hyphen at either end. */
    private static final Pattern DISPLAY_NAME = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9]{2,62}[A-Za-z0-9]");

    private static final String VISIBLE = "projectId in (select m.projectId from ProjectMember m where m.subject = ?1)";

    @Inject
    ProjectService projects;

    @Inject
    RegionCatalog regions;

    @Inject
    ApiConfig config;

    /** A page of the tenant's clusters (oldest first), optionally of one project, and the size of the whole list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Tenant tenant, ClusterFilter filter, PageRequest page) {
        String where = VISIBLE;
        Object[] parameters = {tenant.subject()};
        if (filter.projectId().isPresent()) {
            long projectId = visibleProject(tenant, filter.projectId().get(), "project_id").id;
            where += " and projectId = ?2";
            parameters = new Object[] {tenant.subject(), projectId};
        }
        long total = Cluster.count(where, parameters);
        List<Cluster> clusters = total == 0
                ? List.of()
                : Cluster.<Cluster>find(where + " order by createdAt, id", parameters)
                        .range(page.offset(), page.offset() + page.size() - 1)
                        .list();
        return new Page(views(clusters), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClusterView> get(Tenant tenant, String clusterId) {
        return findVisible(tenant, clusterId, LockModeType.NONE)
                .map(c -> views(List.of(c)).get(0));
    }

    /** Records a new cluster in state CREATING and queues its provisioning. */
    public ClusterView create(Caller caller, Tenant tenant, CreateClusterRequest request) {
        if (request == null) {
            throw ApiException.invalidArgument(
                    "body", "is required: {\"displayName\": \"...\", \"region\": {\"name\": \"regions/...\"}}");
        }
        String displayName = validDisplayName(request.displayName());
        Region region = knownRegion(request.region());
        Map<String, String> labels = Labels.own(request.labels());
        String projectLabel = request.labels() == null ? null : request.labels().get(Labels.PROJECT);
        Project project = projectLabel == null
                ? projects.defaultProject(tenant, config.tenancy().defaultProjectName())
                        .orElseThrow(() -> ApiException.invalidArgument(
                                "labels." + Labels.PROJECT,
                                "is required: you have no project named '"
                                        + config.tenancy().defaultProjectName() + "'"))
                : visibleProject(tenant, projectLabel, "labels." + Labels.PROJECT);
        checkOrganizationLabel(request.labels(), project);
        ensureNameFree(project.id, displayName, null);

        Instant now = now();
        Cluster cluster = new Cluster();
        cluster.id = Ids.next();
        cluster.projectId = project.id;
        cluster.displayName = displayName;
        cluster.regionName = region.name;
        cluster.state = ClusterState.CREATING;
        cluster.version = config.clusters().version();
        cluster.labels = labels;
        cluster.createdBy = caller.displayName();
        cluster.createdAt = now;
        cluster.updatedAt = now;
        cluster.schedule(PendingOperation.CREATE, now);
        persistNamed(cluster);
        return view(cluster, project.orgId);
    }

    /** Renames, relabels or moves (label {@code tidb.cloud/project}) a cluster; empty when the tenant cannot see it. */
    public Optional<ClusterView> update(Tenant tenant, String clusterId, UpdateClusterRequest request) {
        Changes changes = Changes.of(request);
        Optional<Cluster> found = findVisible(tenant, clusterId, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Cluster cluster = found.get();
        if (cluster.state == ClusterState.DELETING) {
            throw ApiException.failedPrecondition("Cluster " + clusterId + " is being deleted");
        }
        Project project = Project.findById(cluster.projectId);
        if (changes.labels() != null) {
            String projectLabel = changes.labels().get(Labels.PROJECT);
            if (projectLabel != null && !projectLabel.equals(Long.toString(cluster.projectId))) {
                project = visibleProject(tenant, projectLabel, "labels." + Labels.PROJECT);
            }
            checkOrganizationLabel(changes.labels(), project);
            cluster.labels = Labels.own(changes.labels());
        }
        String displayName =
                changes.displayName() != null ? validDisplayName(changes.displayName()) : cluster.displayName;
        if (!displayName.equals(cluster.displayName) || !project.id.equals(cluster.projectId)) {
            ensureNameFree(project.id, displayName, cluster.id);
        }
        cluster.displayName = displayName;
        cluster.projectId = project.id;
        cluster.updatedAt = now();
        persistNamed(cluster);
        return Optional.of(view(cluster, project.orgId));
    }

    /** Moves a cluster to DELETING and queues its removal; empty when the tenant cannot see it. Repeating it is harmless. */
    public Optional<ClusterView> delete(Tenant tenant, String clusterId) {
        return findVisible(tenant, clusterId, LockModeType.PESSIMISTIC_WRITE).map(cluster -> {
            if (cluster.state != ClusterState.DELETING) {
                Instant now = now();
                cluster.state = ClusterState.DELETING;
                cluster.updatedAt = now;
                cluster.schedule(PendingOperation.DELETE, now);
            }
            return views(List.of(cluster)).get(0);
        });
    }

    private Optional<Cluster> findVisible(Tenant tenant, String clusterId, LockModeType lock) {
        OptionalLong id = Ids.parse(clusterId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Cluster.<Cluster>find("id = ?2 and " + VISIBLE, tenant.subject(), id.getAsLong())
                .withLock(lock)
                .firstResultOptional();
    }

    /** A project the tenant is a member of; 404 naming the field when it is not theirs (or does not exist). */
    private Project visibleProject(Tenant tenant, String projectId, String field) {
        OptionalLong id = Ids.parse(projectId.strip());
        if (id.isEmpty() && !projectId.strip().chars().allMatch(Character::isDigit)) {
            throw ApiException.invalidArgument(
                    field, "must be a project id (digits), not '" + abbreviate(projectId) + "'");
        }
        return (id.isEmpty() ? Optional.<Project>empty() : projects.findVisible(tenant, id.getAsLong()))
                .orElseThrow(() ->
                        ApiException.notFound(field + ": project " + abbreviate(projectId.strip()) + " not found"));
    }

    private static void checkOrganizationLabel(Map<String, String> labels, Project project) {
        String organization = labels == null ? null : labels.get(Labels.ORGANIZATION);
        if (organization != null && !organization.equals(Long.toString(project.orgId))) {
            throw ApiException.invalidArgument(
                    "labels." + Labels.ORGANIZATION,
                    "is set by the API (the project's organization) and cannot be changed");
        }
    }

    private Region knownRegion(CreateClusterRequest.RegionRef ref) {
        if (ref == null || ref.name() == null || ref.name().isBlank()) {
            throw ApiException.invalidArgument(
                    "region.name", "is required, e.g. regions/aws-us-east-1 (see GET /v1beta1/regions)");
        }
        return regions.find(ref.name().strip())
                .orElseThrow(() -> ApiException.invalidArgument(
                        "region.name",
                        "'" + abbreviate(ref.name()) + "' is not a region this API offers (see GET /v1beta1/regions)"));
    }

    static String validDisplayName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidArgument("displayName", "is required and must not be empty");
        }
        if (!DISPLAY_NAME.matcher(raw).matches()) {
            throw ApiException.invalidArgument(
                    "displayName",
                    "must be 4 to 64 letters, digits or hyphens, " + "starting and ending with a letter or digit, not '"
                            + abbreviate(raw) + "'");
        }
        return raw;
    }

    private static void ensureNameFree(long projectId, String displayName, Long except) {
        long taken = except == null
                ? Cluster.count("projectId = ?1 and displayName = ?2", projectId, displayName)
                : Cluster.count("projectId = ?1 and displayName = ?2 and id <> ?3", projectId, displayName, except);
        if (taken > 0) {
            throw nameTaken(displayName);
        }
    }

    /** The unique (project, display name) index settles concurrent requests that both passed the check above. */
    private static void persistNamed(Cluster cluster) {
        try {
            cluster.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw nameTaken(cluster.displayName);
        }
    }

    private static ApiException nameTaken(String displayName) {
        return ApiException.alreadyExists("A cluster named '" + displayName + "' already exists in this project");
    }

    private List<ClusterView> views(List<Cluster> clusters) {
        if (clusters.isEmpty()) {
            return List.of();
        }
        Set<Long> projectIds = clusters.stream().map(c -> c.projectId).collect(Collectors.toSet());
        Map<Long, Long> orgIds = Project.<Project>list("id in ?1", projectIds).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.orgId));
        return clusters.stream().map(c -> view(c, orgIds.get(c.projectId))).toList();
    }

    private ClusterView view(Cluster cluster, long orgId) {
        String id = Long.toString(cluster.id);
        RegionView region = regions.find(cluster.regionName)
                .map(RegionView::of)
                .orElseGet(() -> new RegionView(cluster.regionName, null, null, null));
        ClusterView.PublicEndpoint endpoint = new ClusterView.PublicEndpoint(cluster.publicHost, cluster.publicPort);
        return new ClusterView(
                "clusters/" + id,
                id,
                cluster.displayName,
                region,
                cluster.state.name(),
                cluster.version,
                cluster.createdBy,
                cluster.userPrefix,
                new ClusterView.Endpoints(endpoint),
                Labels.shown(cluster.labels, orgId, cluster.projectId),
                rfc3339(cluster.createdAt),
                rfc3339(cluster.updatedAt));
    }

    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant now() {
        return Instant.now();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    /** What a PATCH asks to change, from either body shape; 400 when it asks nothing. */
    record Changes(String displayName, Map<String, String> labels) {

        static Changes of(UpdateClusterRequest request) {
            if (request == null) {
                throw ApiException.invalidArgument(
                        "body", "is required: {\"displayName\": \"...\"} and/or {\"labels\": {...}}");
            }
            Changes changes;
            if (request.cluster() != null) {
                Set<String> mask =
                        request.updateMask() == null || request.updateMask().isBlank()
                                ? Set.of("displayName", "labels")
                                : Set.of(request.updateMask().split("\\s*,\\s*"));
                for (String field : mask) {
                    if (!field.equals("displayName") && !field.equals("labels")) {
                        throw ApiException.invalidArgument(
                                "updateMask", "may name displayName and labels, not '" + abbreviate(field) + "'");
                    }
                }
                changes = new Changes(
                        mask.contains("displayName") ? request.cluster().displayName() : null,
                        mask.contains("labels") ? request.cluster().labels() : null);
            } else {
                changes = new Changes(request.displayName(), request.labels());
            }
            if (changes.displayName() == null && changes.labels() == null) {
                throw ApiException.invalidArgument("body", "must set displayName and/or labels");
            }
            return changes;
        }
    }

    /** One page of clusters and the size of the whole list. */
    public record Page(List<ClusterView> clusters, long total) {}
}
