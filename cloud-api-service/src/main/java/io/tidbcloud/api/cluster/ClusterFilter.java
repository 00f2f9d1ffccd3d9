package io.tidbcloud.api.cluster;

import io.tidbcloud.api.error.ApiException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which project a cluster list is narrowed to: {@code project_id=<id>} or TiDB Cloud's
 * {@code filter=projectId=<id>} (the value may be quoted). Other filter expressions get a 400.
 */
record ClusterFilter(Optional<String> projectId) {

    private static final Pattern PROJECT_FILTER = Pattern.compile("\\s*projectId\\s*=\\s*(\"?)([^\"\\s]*)\\1\\s*");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    static ClusterFilter parse(String projectIdParameter, String filter) {
        Optional<String> fromParameter =
                Optional.ofNullable(projectIdParameter).map(value -> validId("project_id", value.strip()));
        Optional<String> fromFilter =
                Optional.ofNullable(filter).filter(f -> !f.isBlank()).map(ClusterFilter::parseFilter);
        if (fromParameter.isPresent() && fromFilter.isPresent() && !fromParameter.equals(fromFilter)) {
            throw ApiException.invalidArgument("filter", "names another project than project_id; give one of them");
        }
        return new ClusterFilter(fromParameter.or(() -> fromFilter));
    }

    private static String parseFilter(String filter) {
        Matcher matcher = PROJECT_FILTER.matcher(filter);
        if (!matcher.matches()) {
            throw ApiException.invalidArgument(
                    "filter", "supports only projectId=<id>, not '" + abbreviate(filter) + "'");
        }
        return validId("filter", matcher.group(2));
    }

    private static String validId(String parameter, String value) {
        if (!DIGITS.matcher(value).matches()) {
            throw ApiException.invalidArgument(
                    parameter, "must be a project id (digits), not '" + abbreviate(value) + "'");
        }
        return value;
    }

    /** Part of the page-token binding: a token is valid only for the same filter. */
    String key() {
        return projectId.orElse("*");
    }

    private static String abbreviate(String value) {
        return value.length() <= 30 ? value : value.substring(0, 30) + "...";
    }
}
