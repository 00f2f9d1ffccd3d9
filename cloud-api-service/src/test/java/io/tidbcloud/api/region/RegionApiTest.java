package io.tidbcloud.api.region;

import static io.restassured.RestAssured.given;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedAsInvalidToken;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.TestClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /v1beta1/regions: the catalogue a migration seeds, for any valid token of this API. */
@QuarkusTest
class RegionApiTest {

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    private static TestClient dave;

    @BeforeAll
    static void createClients() {
        dave = keycloak.create("regions-dave", "project:read", "cluster:read");
    }

    @Test
    void listRegionsWithAnyApiScopeReturnsTheSeededCatalogueInTiDBCloudShape() {
        JsonPath body = given().auth()
                .oauth2(dave.token("project:read"))
                .when()
                .get("/v1beta1/regions")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body(
                        "regions.name",
                        hasItems("regions/aws-us-east-1", "regions/gcp-us-central1", "regions/azure-eastus2"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> regions = body.getList("regions");
        assertEquals(body.getInt("totalSize"), regions.size());
        assertEquals("", body.getString("nextPageToken"));
        assertEquals(
                Set.of("aws", "gcp", "azure"),
                Set.copyOf(regions.stream()
                        .map(r -> (String) r.get("cloudProvider"))
                        .toList()));
        for (Map<String, Object> region : regions) {
            assertEquals(Set.of("name", "regionId", "cloudProvider", "displayName"), region.keySet());
            assertEquals("regions/" + region.get("regionId"), region.get("name"));
            assertTrue(((String) region.get("regionId")).startsWith(region.get("cloudProvider") + "-"));
        }
        assertEquals(
                Map.of(
                        "name",
                        "regions/aws-us-east-1",
                        "regionId",
                        "aws-us-east-1",
                        "cloudProvider",
                        "aws",
                        "displayName",
                        "N. Virginia (us-east-1)"),
                regions.get(0));
    }

    @Test
    void listRegionsWithClusterReadOnlyTokenIsAllowed() {
        given().auth()
                .oauth2(dave.token("cluster:read"))
                .get("/v1beta1/regions")
                .then()
                .statusCode(200);
    }

    @Test
    void listRegionsWithTokenNotForThisApiIsUnauthorizedAsInvalidToken() {
        given().auth()
                .oauth2(dave.token())
                .when()
                .get("/v1beta1/regions")
                .then()
                .spec(unauthorizedAsInvalidToken());
    }
}
