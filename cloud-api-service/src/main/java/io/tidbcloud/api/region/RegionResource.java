package io.tidbcloud.api.region;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1beta1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RegionResource {

    @Inject
    RegionCatalog regions;

    @GET
    @Operation(
            operationId = "ListRegions",
            summary = "List the regions clusters can be created in",
            description = "Any valid access token of this API; no particular scope.")
    public RegionList list() {
        var all = regions.all();
        return new RegionList(all, "", all.size());
    }
}
