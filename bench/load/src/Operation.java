/** What a client does in one step of its loop; bench/load/run's BENCH_MIX weighs them. */
enum Operation {
    LIST_PROJECTS,
    GET_PROJECT,
    LIST_CLUSTERS,
    GET_CLUSTER,
    LIST_REGIONS,
    CREATE_PROJECT,
    CREATE_CLUSTER,
    UPDATE_CLUSTER,
    DELETE_CLUSTER,
    /** A client-credentials token grant at Keycloak: the client's next calls use the new token. */
    LOGIN,
    /** RFC 7009 revocation of the client's own access token, then the time until the API refuses it. */
    REVOKE,
    /** A device-flow sign-in through the stand-in Google (no browser), a call, then a logout as ticloud does it. */
    DEVICE_LOGIN
}
