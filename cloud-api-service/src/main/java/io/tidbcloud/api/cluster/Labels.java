package io.tidbcloud.api.cluster;

import io.tidbcloud.api.error.ApiException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Cluster labels. {@code tidb.cloud/project} and {@code tidb.cloud/organization} are TiDB Cloud's
 * system labels: derived from where the cluster lives, never stored. Other {@code tidb.cloud/}
 * keys are reserved.
 */
final class Labels {

    static final String PROJECT = "tidb.cloud/project";
    static final String ORGANIZATION = "tidb.cloud/organization";
    private static final String RESERVED_PREFIX = "tidb.cloud/";
    private static final int MAX_LABELS = 32;
    private static final int MAX_KEY_LENGTH = 63;
    private static final int MAX_VALUE_LENGTH = 63;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?");
    private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    private Labels() {}

    /** The user's own labels of a request, validated; the system labels are left out (the caller reads them). */
    static Map<String, String> own(Map<String, String> labels) {
        Map<String, String> own = new TreeMap<>();
        if (labels == null) {
            return own;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String key = label.getKey();
            String field = "labels." + key;
            if (label.getValue() == null) {
                throw ApiException.invalidArgument(field, "must have a string value");
            }
            if (key.equals(PROJECT) || key.equals(ORGANIZATION)) {
                continue;
            }
            if (key.startsWith(RESERVED_PREFIX)) {
                throw ApiException.invalidArgument(field, "uses the reserved prefix " + RESERVED_PREFIX);
            }
            if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
                throw ApiException.invalidArgument(
                        field,
                        "is not a valid label key: at most " + MAX_KEY_LENGTH
                                + " letters, digits, '-', '_', '.' or '/', starting and ending with a letter or digit");
            }
            String value = label.getValue();
            if (value.length() > MAX_VALUE_LENGTH || !VALUE.matcher(value).matches()) {
                throw ApiException.invalidArgument(
                        field,
                        "has an invalid value: at most " + MAX_VALUE_LENGTH
                                + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            }
            own.put(key, value);
        }
        if (own.size() > MAX_LABELS) {
            throw ApiException.invalidArgument(
                    "labels", "may hold at most " + MAX_LABELS + " labels, not " + own.size());
        }
        return own;
    }

    /** What a client sees: the system labels, then the cluster's own. */
    static Map<String, String> shown(Map<String, String> own, long orgId, long projectId) {
        Map<String, String> shown = new TreeMap<>(own);
        shown.put(ORGANIZATION, Long.toString(orgId));
        shown.put(PROJECT, Long.toString(projectId));
        return shown;
    }
}
