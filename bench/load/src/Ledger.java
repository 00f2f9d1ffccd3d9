import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one client did that must last: the clusters it created (with the name it last gave each), the
 * ones it deleted, and the projects it created. Only this client writes in its tenant, so at the end
 * the API and the database must show exactly the live ones.
 */
final class Ledger {

    final Map<String, String> liveClusters = new LinkedHashMap<>();
    final Set<String> deletedClusters = new HashSet<>();
    final List<String> projectIds = new ArrayList<>();
    final List<String> projectNames = new ArrayList<>();
    String defaultProjectId;
    int created;

    void created(String clusterId, String displayName) {
        liveClusters.put(clusterId, displayName);
        created++;
    }

    void renamed(String clusterId, String displayName) {
        liveClusters.put(clusterId, displayName);
    }

    void deleted(String clusterId) {
        liveClusters.remove(clusterId);
        deletedClusters.add(clusterId);
    }
}
