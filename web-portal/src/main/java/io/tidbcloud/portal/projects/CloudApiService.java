package io.tidbcloud.portal.projects;

import io.tidbcloud.portal.backend.Backend;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The person's projects and clusters over the cloud API, every page of them. */
@ApplicationScoped
public class CloudApiService {

    /** The API's maximum page size: most people need one request. */
    static final int PAGE_SIZE = 100;

    @RestClient
    CloudApiClient api;

    public List<CloudApi.Project> projects() {
        List<CloudApi.Project> all = new ArrayList<>();
        String token = null;
        do {
            String pageToken = token;
            CloudApi.ProjectList page = Backend.CLOUD_API.call(() -> api.projects(PAGE_SIZE, pageToken));
            all.addAll(page.projects() == null ? List.of() : page.projects());
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return all;
    }

    /**
     * The person's organization, as the cloud API names it in their projects; the API creates it,
     * with a {@code default} project, on the person's first call. Empty if the person has no project.
     */
    public Optional<String> organization() {
        CloudApi.ProjectList first = Backend.CLOUD_API.call(() -> api.projects(1, null));
        return first.projects() == null
                ? Optional.empty()
                : first.projects().stream().map(CloudApi.Project::orgId).findFirst();
    }

    public CloudApi.Project createProject(String name) {
        return Backend.CLOUD_API.call(() -> api.createProject(new CloudApi.NewProject(name)));
    }

    public List<CloudApi.Cluster> clusters() {
        List<CloudApi.Cluster> all = new ArrayList<>();
        String token = null;
        do {
            String pageToken = token;
            CloudApi.ClusterList page = Backend.CLOUD_API.call(() -> api.clusters(PAGE_SIZE, pageToken));
            all.addAll(page.clusters() == null ? List.of() : page.clusters());
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return all;
    }

    public List<CloudApi.Region> regions() {
        CloudApi.RegionList regions = Backend.CLOUD_API.call(api::regions);
        return regions.regions() == null ? List.of() : regions.regions();
    }

    public CloudApi.Cluster createCluster(String displayName, String region, String projectId) {
        Map<String, String> labels =
                projectId == null || projectId.isBlank() ? Map.of() : Map.of(CloudApi.PROJECT_LABEL, projectId);
        return Backend.CLOUD_API.call(
                () -> api.createCluster(new CloudApi.NewCluster(displayName, new CloudApi.RegionRef(region), labels)));
    }

    public CloudApi.Cluster deleteCluster(String clusterId) {
        return Backend.CLOUD_API.call(() -> api.deleteCluster(clusterId));
    }
}
