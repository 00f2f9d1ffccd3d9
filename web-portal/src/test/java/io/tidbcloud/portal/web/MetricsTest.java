package io.tidbcloud.portal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.testsupport.PrometheusText;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The portal's requests on /q/metrics, by page template and status; and its request ids. */
@QuarkusTest
class MetricsTest {

    private static final String REQUESTS = "http_server_requests_seconds_count";

    @Test
    void requestsAreCountedByPageAndStatusWithUnknownPathsInOneBucket() {
        String unknown = UUID.randomUUID().toString();
        PrometheusText before = scrape();

        given().get("/").then().statusCode(200);
        given().redirects().follow(false).get("/applications").then().statusCode(302);
        given().get("/" + unknown).then().statusCode(404);
        given().get("/developer/" + unknown + "/x").then().statusCode(404);

        PrometheusText after = scrape();
        String seen = "series: " + after.series(REQUESTS);
        // Quarkus names the root path's template "root".
        assertEquals(1, increase(before, after, Map.of("method", "GET", "uri", "root", "status", "200")), seen);
        // The sign-in redirect of a page that needs a session: quarkus-oidc answers it before Quarkus
        // REST records the page's template, so it is counted in the REDIRECTION bucket.
        assertEquals(
                1,
                increase(before, after, Map.of("method", "GET", "uri", "/applications", "status", "302"))
                        + increase(before, after, Map.of("method", "GET", "uri", "REDIRECTION", "status", "302")),
                "the sign-in redirect of a page that needs a session; " + seen);
        assertEquals(2, increase(before, after, Map.of("uri", "NOT_FOUND", "status", "404")), seen);
        assertFalse(after.text().contains(unknown), "no series names the unknown path");
    }

    @Test
    void aSaneRequestIdIsReturnedAndAnotherIsReplaced() {
        given().header("X-Request-Id", "portal-test-1")
                .get("/")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "portal-test-1");
        String replaced = given().header("X-Request-Id", "bad id\r\nX-Injected: 1")
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        assertEquals(replaced, UUID.fromString(replaced).toString());
    }

    private static PrometheusText scrape() {
        return new PrometheusText(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double increase(PrometheusText before, PrometheusText after, Map<String, String> labels) {
        return after.valueOrZero(REQUESTS, labels) - before.valueOrZero(REQUESTS, labels);
    }
}
