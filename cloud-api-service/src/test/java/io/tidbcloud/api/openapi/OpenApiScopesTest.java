package io.tidbcloud.api.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /q/openapi names the scope of every operation, as ARCHITECTURE.md's table has it. */
@QuarkusTest
class OpenApiScopesTest {

    @ParameterizedTest(name = "{0} {1} requires {2}")
    @CsvSource({
        "get,    /v1beta1/projects,             project:read",
        "get,    /v1beta1/projects/{projectId}, project:read",
        "post,   /v1beta1/projects,             project:write",
        "get,    /v1beta1/clusters,             cluster:read",
        "get,    /v1beta1/clusters/{clusterId}, cluster:read",
        "post,   /v1beta1/clusters,             cluster:write",
        "patch,  /v1beta1/clusters/{clusterId}, cluster:write",
        "delete, /v1beta1/clusters/{clusterId}, cluster:write",
    })
    void everyOperationNamesItsScopeAsSecurityRequirementAndExtension(String method, String path, String scope) {
        Map<String, Object> operation = openApi().getMap("paths.'" + path + "'." + method);
        assertEquals(scope, operation.get("x-required-scope"), path);
        assertEquals(List.of(Map.of("bearer", List.of(scope))), operation.get("security"), path);
    }

    @Test
    void listRegionsNeedsABearerTokenButNoScope() {
        Map<String, Object> operation = openApi().getMap("paths.'/v1beta1/regions'.get");
        assertFalse(operation.containsKey("x-required-scope"));
        assertEquals(List.of(Map.of("bearer", List.of())), operation.get("security"));
    }

    @Test
    void bearerSchemeIsDeclared() {
        assertEquals("http", openApi().getString("components.securitySchemes.bearer.type"));
        assertEquals("bearer", openApi().getString("components.securitySchemes.bearer.scheme"));
    }

    private static JsonPath openApi() {
        return given().accept("application/json")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
