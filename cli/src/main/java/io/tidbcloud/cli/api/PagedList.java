package io.tidbcloud.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every page of a list endpoint the ticloud way: {@code pageSize} and
 * {@code pageToken}, until {@code nextPageToken} is empty (or {@code totalSize}
 * items were read, or a page came back empty).
 */
public final class PagedList {

    public static final int PAGE_SIZE = 100;
    /** A guard against a server that never says it is done. */
    static final int MAX_PAGES = 10_000;

    /** All items and the server's {@code totalSize} (the count read when it sent none). */
    public record Items(List<JsonNode> items, long totalSize) {}

    private PagedList() {}

    /**
     * @param path  the list path, e.g. {@code /v1beta1/clusters}
     * @param query extra query parameters already encoded ("" or "project_id=1"), without "?"
     * @param field the array in each page, e.g. {@code clusters}
     */
    public static Items fetchAll(CloudApi api, String path, String query, String field)
            throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String pageToken = "";
        Long totalSize = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            StringBuilder url = new StringBuilder(path).append("?pageSize=").append(PAGE_SIZE);
            if (!pageToken.isEmpty()) {
                url.append("&pageToken=").append(URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
            }
            if (!query.isEmpty()) {
                url.append('&').append(query);
            }
            JsonNode body = api.get(url.toString());
            JsonNode pageItems = body.path(field);
            if (!pageItems.isMissingNode() && !pageItems.isNull() && !pageItems.isArray()) {
                throw CliException.error("The API answered with an unexpected " + field + " list.");
            }
            pageItems.forEach(items::add);
            JsonNode total = body.get("totalSize");
            if (total != null && total.canConvertToLong()) {
                totalSize = total.asLong();
            }
            pageToken = body.path("nextPageToken").asText("");
            boolean allRead = totalSize != null && items.size() >= totalSize;
            if (pageToken.isEmpty() || allRead || pageItems.isEmpty()) {
                return new Items(items, totalSize == null ? items.size() : totalSize);
            }
        }
        throw CliException.error("The API kept returning more pages; stopped after " + MAX_PAGES + ".");
    }
}
