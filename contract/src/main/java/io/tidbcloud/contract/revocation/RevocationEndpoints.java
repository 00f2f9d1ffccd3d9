package io.tidbcloud.contract.revocation;

/**
 * The two hops a revocation travels and their fixed names: Keycloak's forwarder posts a JSON array
 * of {@link RevocationEvent}s to auth-service's ingest path; resource servers read auth-service's
 * feed, server-sent events whose id is the feed position ({@code Last-Event-ID} resumes after it).
 */
public final class RevocationEndpoints {

    /** auth-service's ingest: {@code POST}, body a JSON array of revocations. */
    public static final String INGEST_PATH = "/internal/revocation-events";

    /** The header that carries the shared secret {@code TIDBCLOUD_EVENTS_SECRET} on the ingest. */
    public static final String SECRET_HEADER = "X-Tidbcloud-Events-Secret";

    /** auth-service's feed: {@code GET}, {@code text/event-stream}. */
    public static final String FEED_PATH = "/v1/revocations/feed";

    /** SSE event name of one revocation; its id is the feed position, its data the revocation's JSON. */
    public static final String REVOCATION_EVENT = "revocation";

    /** SSE event name: every stored revocation up to here has been sent; live ones follow. */
    public static final String CAUGHT_UP_EVENT = "caught-up";

    /** SSE event name: the feed is alive and nothing is missing; sent while it is idle. */
    public static final String HEARTBEAT_EVENT = "heartbeat";

    private RevocationEndpoints() {}
}
