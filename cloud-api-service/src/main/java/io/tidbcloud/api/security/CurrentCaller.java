package io.tidbcloud.api.security;

import io.tidbcloud.api.tenant.Tenant;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request and their tenant, set by {@link AccessFilter} once the request is authorized. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private Tenant tenant;

    void set(Caller caller, Tenant tenant) {
        this.caller = caller;
        this.tenant = tenant;
    }

    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException(
                    "no authorized caller: is the endpoint missing @PermissionsAllowed or @Authenticated?");
        }
        return caller;
    }

    public Tenant tenant() {
        caller();
        return tenant;
    }
}
