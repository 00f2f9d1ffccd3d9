package io.tidbcloud.contract.revocation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** CAEP's {@code initiating_entity}: who caused the event. */
public enum InitiatingEntity {
    /** An administrator (Keycloak's admin console or admin API). */
    @JsonProperty("admin")
    ADMIN,
    /** The person themselves (logout, revoking a token or an application's access). */
    @JsonProperty("user")
    USER,
    /** A policy (locked out after too many failed attempts). */
    @JsonProperty("policy")
    POLICY,
    /** The system, for any other reason. */
    @JsonProperty("system")
    SYSTEM
}
