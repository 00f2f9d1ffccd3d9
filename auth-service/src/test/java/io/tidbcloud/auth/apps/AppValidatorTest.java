package io.tidbcloud.auth.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.contract.portal.ApplicationKind;
import io.tidbcloud.contract.portal.ApplicationRegistration;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.resourceserver.error.ServiceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The registration rules: each broken one is a 400 naming the field. */
class AppValidatorTest {

    private static ApplicationRegistration web(String... redirectUris) {
        return new ApplicationRegistration(
                "My dashboard", ApplicationKind.WEB, Arrays.asList(redirectUris), List.of("project:read"), null);
    }

    private static void assertRefused(ApplicationRegistration request, String message) {
        assertThatThrownBy(() -> AppValidator.validate(request)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.status()).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void webAppWithHttpsAndLoopbackRedirectsIsAccepted() {
        NewApp app = AppValidator.validate(new ApplicationRegistration(
                "  My dashboard ",
                ApplicationKind.WEB,
                List.of(
                        "https://app.example/callback",
                        "http://localhost:3000/cb",
                        "http://127.0.0.1/cb",
                        "http://[::1]:8/cb"),
                List.of("cluster:write", "project:read"),
                "https://app.example"));
        assertThat(app.name()).isEqualTo("My dashboard");
        assertThat(app.kind()).isEqualTo(ApplicationKind.WEB);
        assertThat(app.redirectUris()).hasSize(4);
        assertThat(app.scopes()).containsExactly(ApiScope.CLUSTER_WRITE, ApiScope.PROJECT_READ);
        assertThat(app.homepage()).isEqualTo("https://app.example");
    }

    @Test
    void deviceAppWithoutRedirectsIsAccepted() {
        NewApp app = AppValidator.validate(new ApplicationRegistration(
                "My CLI", ApplicationKind.DEVICE, List.of(), List.of("cluster:read"), null));
        assertThat(app.kind()).isEqualTo(ApplicationKind.DEVICE);
        assertThat(app.redirectUris()).isEmpty();
        assertThat(app.homepage()).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://app.example/*|redirectUris[0] must be exact: no wildcard (*)",
                "https://*.app.example/cb|redirectUris[0] must be exact: no wildcard (*)",
                "https://app.example/cb#frag|redirectUris[0] must not have a fragment (#...)",
                "https://user:pw@app.example/cb|redirectUris[0] must not contain user information (user@)",
                "http://app.example/cb|redirectUris[0] must use https (http only for localhost, 127.0.0.1 or [::1])",
                "http://localhost.evil.example/cb|redirectUris[0] must use https (http only for localhost, 127.0.0.1 or [::1])",
                "/callback|redirectUris[0] must be an absolute URI (https://host/path)",
                "app.example/callback|redirectUris[0] must be an absolute URI (https://host/path)",
                "myapp:callback|redirectUris[0] must be an absolute URI (https://host/path)",
                "https://app.example/a b|redirectUris[0] is not a valid URI",
                "ftp://app.example/cb|redirectUris[0] must use https (http only for localhost, 127.0.0.1 or [::1])"
            })
    void badRedirectUriIsRefusedNamingIt(String uri, String message) {
        assertRefused(web(uri), message);
    }

    @Test
    void redirectUriAndHomepageAreAtMostTheLengthKeycloakKeeps() {
        String longest = "https://app.example/" + "c".repeat(235);
        assertThat(AppValidator.validate(web(longest)).redirectUris()).containsExactly(longest);
        assertRefused(web(longest + "c"), "redirectUris[0] must be at most 255 characters");
        assertThat(AppValidator.homepage(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> AppValidator.homepage(longest + "c"))
                .hasMessage("homepage must be at most 255 characters");
    }

    @Test
    void secondBadRedirectUriIsNamedByItsIndex() {
        assertRefused(
                web("https://app.example/cb", "https://app.example/cb#x"),
                "redirectUris[1] must not have a fragment (#...)");
    }

    @Test
    void repeatedRedirectUriIsRefused() {
        assertRefused(
                web("https://app.example/cb", "https://app.example/cb"),
                "redirectUris[1] repeats https://app.example/cb");
    }

    @Test
    void webAppNeedsOneToTenRedirectUris() {
        assertRefused(web(), "redirectUris: a web application needs 1 to 10 redirect URIs");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("https://app.example/cb" + i);
        }
        assertRefused(
                web(eleven.toArray(String[]::new)), "redirectUris: a web application needs 1 to 10 redirect URIs");
        assertThat(AppValidator.validate(web(eleven.subList(0, 10).toArray(String[]::new)))
                        .redirectUris())
                .hasSize(10);
    }

    @Test
    void deviceAppWithRedirectUrisIsRefused() {
        assertRefused(
                new ApplicationRegistration(
                        "CLI",
                        ApplicationKind.DEVICE,
                        List.of("https://app.example/cb"),
                        List.of("project:read"),
                        null),
                "redirectUris must be empty for a device application");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankNameIsRefused(String name) {
        assertRefused(
                new ApplicationRegistration(
                        name, ApplicationKind.WEB, List.of("https://a.example/cb"), List.of("project:read"), null),
                "name is required");
    }

    @Test
    void nameIsOneToSixtyCharactersWithoutControlCharacters() {
        assertRefused(
                new ApplicationRegistration(null, ApplicationKind.DEVICE, List.of(), List.of("project:read"), null),
                "name is required");
        assertThat(AppValidator.validate(new ApplicationRegistration(
                                "x".repeat(60), ApplicationKind.DEVICE, List.of(), List.of("project:read"), null))
                        .name())
                .hasSize(60);
        assertRefused(
                new ApplicationRegistration(
                        "x".repeat(61), ApplicationKind.DEVICE, List.of(), List.of("project:read"), null),
                "name must be at most 60 characters");
        assertRefused(
                new ApplicationRegistration(
                        "bad\nname", ApplicationKind.DEVICE, List.of(), List.of("project:read"), null),
                "name must not contain control characters");
    }

    /** The contract reads a kind it does not know, as a missing one, as none. */
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Web", "service", "spa"})
    void unknownKindIsRefused(String kind) {
        assertRefused(
                new ApplicationRegistration(
                        "App", ApplicationKind.ofValue(kind), List.of(), List.of("project:read"), null),
                "kind must be web or device");
    }

    @Test
    void scopesMustBeKnownAPIScopesWithoutDuplicates() {
        String known = "project:read, project:write, cluster:read, cluster:write";
        assertRefused(
                new ApplicationRegistration("App", ApplicationKind.DEVICE, List.of(), List.of(), null),
                "scopes: choose at least one of " + known);
        assertRefused(
                new ApplicationRegistration("App", ApplicationKind.DEVICE, List.of(), null, null),
                "scopes: choose at least one of " + known);
        assertRefused(
                new ApplicationRegistration("App", ApplicationKind.DEVICE, List.of(), List.of("openid"), null),
                "scopes: unknown scope \"openid\"; choose from " + known);
        assertRefused(
                new ApplicationRegistration(
                        "App", ApplicationKind.DEVICE, List.of(), List.of("project:read", "project:read"), null),
                "scopes: project:read is listed twice");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://app.example|homepage must use https (http only for localhost, 127.0.0.1 or [::1])",
                "app.example|homepage must be an absolute URI (https://host/path)",
                "https://me@app.example|homepage must not contain user information (user@)"
            })
    void badHomepageIsRefused(String homepage, String message) {
        assertRefused(
                new ApplicationRegistration(
                        "App", ApplicationKind.DEVICE, List.of(), List.of("project:read"), homepage),
                message);
    }

    @Test
    void missingBodyIsRefused() {
        assertRefused(null, "body must be a JSON object with name, kind, redirectUris, scopes and homepage");
    }
}
