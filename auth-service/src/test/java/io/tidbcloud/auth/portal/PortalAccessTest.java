package io.tidbcloud.auth.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who reaches the person's API: the portal's tokens only. */
@QuarkusTest
class PortalAccessTest {

    private static final String NOT_PORTAL = "This API accepts only the TiDB Cloud portal's tokens.";

    private static KeycloakAdmin admin;
    private static TestClient service;

    @BeforeAll
    static void createClient() {
        admin = KeycloakAdmin.fromEnvironment();
        service = admin.createServiceClient("not-portal");
    }

    @AfterAll
    static void deleteClient() {
        admin.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/me/authorizations", "/v1/me/sessions", "/v1/apps", "/v1/apps/app-x"})
    void withoutTokenIsUnauthorizedWithBareBearerChallenge(String path) {
        given().when()
                .get(path)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", is("Bearer realm=\"tidbcloud\""))
                .body("code", is(16))
                .body("details", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/me/authorizations", "/v1/me/sessions", "/v1/apps"})
    void tamperedTokenIsUnauthorizedAsInvalidToken(String path) throws Exception {
        String token = PortalPeople.alice();
        given().auth()
                .oauth2(token.substring(0, token.length() - 4) + "AAAA")
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("code", is(16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/me/authorizations", "/v1/me/sessions", "/v1/apps"})
    void cloudApisClientCredentialsTokenIsForbidden(String path) throws Exception {
        given().auth()
                .oauth2(RealmAdminReads.cloudApiToken())
                .when()
                .get(path)
                .then()
                .statusCode(403)
                .body("code", is(7))
                .body("message", is(NOT_PORTAL))
                .body("details", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/me/sessions/some-session", "/v1/me/authorizations/ticloud-cli", "/v1/apps/app-x"})
    void anotherServicesTokenCannotDeleteAnything(String path) {
        given().auth()
                .oauth2(service.token())
                .when()
                .delete(path)
                .then()
                .statusCode(403)
                .body("code", is(7))
                .body("message", is(NOT_PORTAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/me/authorizations", "/v1/me/sessions", "/v1/apps"})
    void portalTokenIsAccepted(String path) throws Exception {
        given().auth().oauth2(PortalPeople.alice()).when().get(path).then().statusCode(200);
    }
}
