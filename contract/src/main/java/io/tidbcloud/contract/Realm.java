package io.tidbcloud.contract;

/** Names in Keycloak's realm that more than one part writes (ARCHITECTURE.md, "Realm tidbcloud"). */
public final class Realm {

    /** The realm every person signs in to and every API token comes from. */
    public static final String NAME = "tidbcloud";

    /**
     * The cloud API's client: the audience ({@code aud}) of every API token, and the service account
     * that subscribes to auth-service's revocation feed.
     */
    public static final String CLOUD_API = "cloud-api";

    private Realm() {}
}
