package io.tidbcloud.contract.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the JSON of auth-service's portal API, which web-portal reads, as contract/README.md shows
 * it. The mapper is configured as Quarkus configures its own (java.time module, instants as ISO-8601
 * strings) and fails on unknown properties, standing for the strictest reader: the annotations alone
 * must make it tolerant.
 */
class PortalApiJsonTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Instant CREATED = Instant.parse("2026-01-01T09:30:00Z");
    private static final Instant ACTIVE = Instant.parse("2026-01-02T10:15:42Z");

    static final String WEB_APPLICATION_JSON = """
            {"clientId":"app-abcdefghijklmnopqrst","name":"Alice's dashboard","kind":"web",\
            "redirectUris":["https://dashboard.example/callback"],"scopes":["project:read","cluster:read"],\
            "homepage":"https://dashboard.example","created":"2026-01-01T09:30:00Z",\
            "clientSecret":"s3cr3t"}""";

    static final String DEVICE_APPLICATION_JSON = """
            {"clientId":"app-234567abcdefghijklmn","name":"Alice's CLI","kind":"device",\
            "redirectUris":[],"scopes":["cluster:write"],"homepage":null,"created":"2026-01-01T09:30:00Z"}""";

    static final String REGISTRATION_JSON = """
            {"name":"Alice's dashboard","kind":"web","redirectUris":["https://dashboard.example/callback"],\
            "scopes":["project:read","cluster:read"],"homepage":"https://dashboard.example"}""";

    static final String SECRET_JSON = """
            {"clientId":"app-abcdefghijklmnopqrst","clientSecret":"n3w"}""";

    static final String AUTHORIZATIONS_JSON = """
            {"authorizations":[{"clientId":"ticloud-cli","name":"TiDB Cloud CLI","homepage":null,\
            "scopes":[{"scope":"cluster:read","description":"View your clusters"}],\
            "offlineAccess":true,"firstGranted":"2026-01-01T09:30:00Z","lastUsed":"2026-01-02T10:15:42Z",\
            "sessions":[{"id":"b2c1d0e9-8f7a-4b6c-9d5e-1f2a3b4c5d6e","kind":"device","address":"192.0.2.7",\
            "started":"2026-01-01T09:30:00Z","lastActive":"2026-01-02T10:15:42Z","offline":true}]}]}""";

    static final String SESSIONS_JSON = """
            {"sessions":[{"id":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","kind":"browser","address":"198.51.100.4",\
            "started":"2026-01-01T09:30:00Z","lastActive":"2026-01-02T10:15:42Z","current":true,"offline":false,\
            "clients":[{"clientId":"web-portal","name":"TiDB Cloud"}]}]}""";

    private static OAuthApplication webApplication() {
        return new OAuthApplication(
                "app-abcdefghijklmnopqrst",
                "Alice's dashboard",
                ApplicationKind.WEB,
                List.of("https://dashboard.example/callback"),
                List.of("project:read", "cluster:read"),
                "https://dashboard.example",
                CREATED,
                null);
    }

    @Test
    void aRegisteredWebApplicationIsWrittenWithItsSecretOnlyWhenItHasOne() throws Exception {
        OAuthApplication created = webApplication().withClientSecret("s3cr3t");
        assertThat(STRICT.writeValueAsString(created)).isEqualTo(WEB_APPLICATION_JSON);
        assertThat(STRICT.readValue(WEB_APPLICATION_JSON, OAuthApplication.class))
                .isEqualTo(created);
        assertThat(STRICT.writeValueAsString(webApplication()))
                .isEqualTo(WEB_APPLICATION_JSON.replace(",\"clientSecret\":\"s3cr3t\"", ""));
    }

    @Test
    void aDeviceApplicationHasNoRedirectsNoSecretAndANullHomepage() throws Exception {
        OAuthApplication device = new OAuthApplication(
                "app-234567abcdefghijklmn",
                "Alice's CLI",
                ApplicationKind.DEVICE,
                null,
                List.of("cluster:write"),
                null,
                CREATED,
                null);
        assertThat(STRICT.writeValueAsString(device)).isEqualTo(DEVICE_APPLICATION_JSON);
        assertThat(STRICT.readValue(DEVICE_APPLICATION_JSON, OAuthApplication.class))
                .isEqualTo(device);
    }

    @Test
    void theApplicationListIsAnObjectHoldingTheApplications() throws Exception {
        ApplicationList list = new ApplicationList(List.of(webApplication()));
        String json = "{\"apps\":[" + WEB_APPLICATION_JSON.replace(",\"clientSecret\":\"s3cr3t\"", "") + "]}";
        assertThat(STRICT.writeValueAsString(list)).isEqualTo(json);
        assertThat(STRICT.readValue(json, ApplicationList.class)).isEqualTo(list);
        assertThat(STRICT.readValue("{}", ApplicationList.class).apps()).isEmpty();
    }

    @Test
    void aRegistrationIsWrittenAndReadAsSent() throws Exception {
        ApplicationRegistration registration = new ApplicationRegistration(
                "Alice's dashboard",
                ApplicationKind.WEB,
                List.of("https://dashboard.example/callback"),
                List.of("project:read", "cluster:read"),
                "https://dashboard.example");
        assertThat(STRICT.writeValueAsString(registration)).isEqualTo(REGISTRATION_JSON);
        assertThat(STRICT.readValue(REGISTRATION_JSON, ApplicationRegistration.class))
                .isEqualTo(registration);
    }

    @Test
    void aRegistrationOfAnUnknownKindReadsAsNoKindAndMissingListsAsEmpty() throws Exception {
        for (String kind : List.of("\"spa\"", "\"Web\"", "\"\"", "null")) {
            ApplicationRegistration read = STRICT.readValue(
                    "{\"name\":\"A\",\"kind\":" + kind + ",\"extra\":1}", ApplicationRegistration.class);
            assertThat(read.kind()).as(kind).isNull();
            assertThat(read.redirectUris()).isEmpty();
            assertThat(read.scopes()).isEmpty();
            assertThat(read.homepage()).isNull();
        }
    }

    @Test
    void aRotatedSecretIsTheClientIdAndTheNewSecret() throws Exception {
        ClientSecret secret = new ClientSecret("app-abcdefghijklmnopqrst", "n3w");
        assertThat(STRICT.writeValueAsString(secret)).isEqualTo(SECRET_JSON);
        assertThat(STRICT.readValue(SECRET_JSON, ClientSecret.class)).isEqualTo(secret);
    }

    @Test
    void anAuthorizationListsItsGrantedScopesAndSessionsWithIsoInstants() throws Exception {
        AuthorizationList authorizations = new AuthorizationList(List.of(new Authorization(
                "ticloud-cli",
                "TiDB Cloud CLI",
                null,
                List.of(new GrantedScope("cluster:read", "View your clusters")),
                true,
                CREATED,
                ACTIVE,
                List.of(new AuthorizedSession(
                        "b2c1d0e9-8f7a-4b6c-9d5e-1f2a3b4c5d6e",
                        SessionKind.DEVICE,
                        "192.0.2.7",
                        CREATED,
                        ACTIVE,
                        true)))));
        assertThat(STRICT.writeValueAsString(authorizations)).isEqualTo(AUTHORIZATIONS_JSON);
        assertThat(STRICT.readValue(AUTHORIZATIONS_JSON, AuthorizationList.class))
                .isEqualTo(authorizations);
    }

    @Test
    void anAuthorizationWithoutScopesOrSessionsHasEmptyLists() throws Exception {
        Authorization read =
                STRICT.readValue("{\"clientId\":\"c\",\"scopes\":null,\"offlineAccess\":false}", Authorization.class);
        assertThat(read.scopes()).isEmpty();
        assertThat(read.sessions()).isEmpty();
        assertThat(read.lastUsed()).isNull();
    }

    @Test
    void aSessionListMarksTheCurrentSessionAndNamesItsClients() throws Exception {
        SessionList sessions = new SessionList(List.of(new PersonSession(
                "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                SessionKind.BROWSER,
                "198.51.100.4",
                CREATED,
                ACTIVE,
                true,
                false,
                List.of(new SessionClient("web-portal", "TiDB Cloud")))));
        assertThat(STRICT.writeValueAsString(sessions)).isEqualTo(SESSIONS_JSON);
        assertThat(STRICT.readValue(SESSIONS_JSON, SessionList.class)).isEqualTo(sessions);
    }

    @Test
    void readersIgnoreMembersTheyDoNotKnowAndKindsTheyDoNotKnowReadAsNull() throws Exception {
        PersonSession read = STRICT.readValue(
                "{\"id\":\"s\",\"kind\":\"watch\",\"current\":false,\"offline\":false,\"userAgent\":\"x\"}",
                PersonSession.class);
        assertThat(read.kind()).isNull();
        assertThat(read.clients()).isEmpty();
        assertThat(STRICT.readValue("{\"sessions\":[],\"next\":null}", SessionList.class)
                        .sessions())
                .isEmpty();
    }

    @Test
    void kindsAreTheirLowercaseJsonValues() {
        assertThat(ApplicationKind.values()).extracting(ApplicationKind::value).containsExactly("web", "device");
        assertThat(SessionKind.values()).extracting(SessionKind::value).containsExactly("browser", "device");
        assertThat(ApplicationKind.fromValue("device")).contains(ApplicationKind.DEVICE);
        assertThat(SessionKind.fromValue("Browser")).isEmpty();
    }
}
