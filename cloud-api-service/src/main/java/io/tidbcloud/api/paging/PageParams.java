package io.tidbcloud.api.paging;

import jakarta.ws.rs.QueryParam;

/**
 * The paging query parameters of every list endpoint, in both styles the API takes: TiDB Cloud's
 * {@code page} (1-based) with {@code page_size}, and ticloud's {@code pageSize} with
 * {@code pageToken}. Taken as text, so a non-numeric value gets a 400 that names the parameter.
 */
public class PageParams {

    @QueryParam("page")
    public String page;

    @QueryParam("page_size")
    public String pageSizeSnake;

    @QueryParam("pageSize")
    public String pageSize;

    @QueryParam("pageToken")
    public String pageToken;
}
