package io.tidbcloud.api.tenant;

/** A caller as a tenant: their token subject and the organization their first call created. */
public record Tenant(String subject, long orgId) {}
