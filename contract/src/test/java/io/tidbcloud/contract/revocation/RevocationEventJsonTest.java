package io.tidbcloud.contract.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the revocation's JSON, the one form on both hops (Keycloak to auth-service, auth-service's
 * feed to resource servers), as contract/README.md shows it. A mapper that fails on unknown
 * properties stands for the strictest reader: the annotations alone must make it tolerant.
 */
class RevocationEventJsonTest {

    private static final String ISS = "http://localhost:8180/realms/tidbcloud";
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final String SESSION_CLIENT_JSON = """
            {"jti":"6f1c2a9e-0d4b-4e51-9b7a-3c2f8d1e5a40",\
            "iss":"http://localhost:8180/realms/tidbcloud",\
            "iat":1767225600,\
            "sub_id":{"format":"complex",\
            "user":{"format":"iss_sub","iss":"http://localhost:8180/realms/tidbcloud","sub":"0e3a4b7c-5d6e-4f80-9a1b-2c3d4e5f6a7b"},\
            "session":{"format":"opaque","id":"b2c1d0e9-8f7a-4b6c-9d5e-1f2a3b4c5d6e"},\
            "application":{"format":"opaque","id":"ticloud-cli"}},\
            "events":{"https://schemas.openid.net/secevent/caep/event-type/session-revoked":\
            {"event_timestamp":1767225600,"initiating_entity":"user","reason_admin":{"en":"REVOKE_REFRESH_TOKEN"},\
            "max_token_exp":1767225930}}}""";

    static final String TOKEN_JSON = """
            {"jti":"a1","iss":"http://localhost:8180/realms/tidbcloud","iat":1767225600,\
            "sub_id":{"format":"jwt_id","iss":"http://localhost:8180/realms/tidbcloud","jti":"onrtac:5e1f"},\
            "events":{"https://schemas.openid.net/secevent/caep/event-type/token-claims-change":\
            {"event_timestamp":1767225600,"initiating_entity":"user","reason_admin":{"en":"REVOKE_ACCESS_TOKEN"},\
            "claims":{"active":false},"max_token_exp":1767225930}}}""";

    static final String CLIENT_JSON = """
            {"jti":"d1","iss":"http://localhost:8180/realms/tidbcloud","iat":1767225600,\
            "sub_id":{"format":"complex","application":{"format":"opaque","id":"app-abcdefghijklmnopqrst"}},\
            "events":{"https://schemas.openid.net/secevent/caep/event-type/token-claims-change":\
            {"event_timestamp":1767225600,"initiating_entity":"user","reason_admin":{"en":"DELETE_APPLICATION"},\
            "claims":{"active":false},"max_token_exp":1767225930}}}""";

    private static RevocationEvent sessionClient() {
        return RevocationEvent.of(
                "6f1c2a9e-0d4b-4e51-9b7a-3c2f8d1e5a40",
                ISS,
                SubjectId.complex(
                        ISS,
                        "0e3a4b7c-5d6e-4f80-9a1b-2c3d4e5f6a7b",
                        "b2c1d0e9-8f7a-4b6c-9d5e-1f2a3b4c5d6e",
                        "ticloud-cli"),
                1_767_225_600L,
                1_767_225_930L,
                InitiatingEntity.USER,
                "REVOKE_REFRESH_TOKEN");
    }

    @Test
    void sessionClientRevocationIsWrittenAsSessionRevokedAboutAComplexSubject() throws Exception {
        assertThat(STRICT.writeValueAsString(sessionClient())).isEqualTo(SESSION_CLIENT_JSON);
    }

    @Test
    void sessionClientRevocationIsReadBackWithWhatTheDenySetNeeds() throws Exception {
        RevocationEvent read = STRICT.readValue(SESSION_CLIENT_JSON, RevocationEvent.class);
        assertThat(read).isEqualTo(sessionClient());
        assertThat(read.covers()).isEqualTo(Covers.SESSION_CLIENT);
        assertThat(read.sessionId()).isEqualTo("b2c1d0e9-8f7a-4b6c-9d5e-1f2a3b4c5d6e");
        assertThat(read.clientId()).isEqualTo("ticloud-cli");
        assertThat(read.userId()).isEqualTo("0e3a4b7c-5d6e-4f80-9a1b-2c3d4e5f6a7b");
        assertThat(read.tokenId()).isNull();
        assertThat(read.revokedAt()).isEqualTo(1_767_225_600L);
        assertThat(read.maxTokenExp()).isEqualTo(1_767_225_930L);
        assertThat(read.reason()).isEqualTo("REVOKE_REFRESH_TOKEN");
        assertThat(read.initiatingEntity()).isEqualTo(InitiatingEntity.USER);
        assertThat(read.problem()).isEmpty();
    }

    @Test
    void accessTokenRevocationIsWrittenAsTokenClaimsChangeAboutAJwtId() throws Exception {
        RevocationEvent token = RevocationEvent.of(
                "a1",
                ISS,
                SubjectId.jwtId(ISS, "onrtac:5e1f"),
                1_767_225_600L,
                1_767_225_930L,
                InitiatingEntity.USER,
                "REVOKE_ACCESS_TOKEN");
        assertThat(STRICT.writeValueAsString(token)).isEqualTo(TOKEN_JSON);
        RevocationEvent read = STRICT.readValue(TOKEN_JSON, RevocationEvent.class);
        assertThat(read).isEqualTo(token);
        assertThat(read.covers()).isEqualTo(Covers.TOKEN);
        assertThat(read.tokenId()).isEqualTo("onrtac:5e1f");
    }

    @Test
    void deletedApplicationRevocationIsATokenClaimsChangeAboutAComplexSubjectNamingOnlyTheApplication()
            throws Exception {
        RevocationEvent deleted = RevocationEvent.of(
                "d1",
                ISS,
                SubjectId.complex(ISS, null, null, "app-abcdefghijklmnopqrst"),
                1_767_225_600L,
                1_767_225_930L,
                InitiatingEntity.USER,
                "DELETE_APPLICATION");
        assertThat(STRICT.writeValueAsString(deleted)).isEqualTo(CLIENT_JSON);
        RevocationEvent read = STRICT.readValue(CLIENT_JSON, RevocationEvent.class);
        assertThat(read).isEqualTo(deleted);
        assertThat(read.covers()).isEqualTo(Covers.CLIENT);
        assertThat(read.clientId()).isEqualTo("app-abcdefghijklmnopqrst");
        assertThat(read.userId()).isNull();
        assertThat(read.sessionId()).isNull();
        assertThat(read.problem()).isEmpty();
    }

    @Test
    void eachSubjectShapeCoversItsKindOfTokens() {
        assertThat(SubjectId.complex(ISS, "u", "s", null))
                .extracting(Covers::of)
                .isEqualTo(Covers.SESSION);
        assertThat(SubjectId.complex(ISS, null, "s", null))
                .extracting(Covers::of)
                .isEqualTo(Covers.SESSION);
        assertThat(SubjectId.complex(ISS, "u", "s", "c")).extracting(Covers::of).isEqualTo(Covers.SESSION_CLIENT);
        assertThat(SubjectId.jwtId(ISS, "j")).extracting(Covers::of).isEqualTo(Covers.TOKEN);
        assertThat(SubjectId.complex(ISS, "u", null, "c"))
                .extracting(Covers::of)
                .isEqualTo(Covers.SUBJECT_CLIENT);
        assertThat(SubjectId.complex(ISS, "u", null, null))
                .extracting(Covers::of)
                .isEqualTo(Covers.SUBJECT);
        assertThat(SubjectId.issSub(ISS, "u")).extracting(Covers::of).isEqualTo(Covers.SUBJECT);
        assertThat(SubjectId.complex(ISS, null, null, "c"))
                .extracting(Covers::of)
                .isEqualTo(Covers.CLIENT);
        assertThat(SubjectId.complex(ISS, null, null, null))
                .extracting(Covers::of)
                .isNull();
        assertThat(SubjectId.opaque("x")).extracting(Covers::of).isNull();
    }

    @Test
    void consentRevocationIsATokenClaimsChangeAndALogoutASessionRevoked() {
        RevocationEvent consent = RevocationEvent.of(
                "c",
                ISS,
                SubjectId.complex(ISS, "u", null, "app"),
                1,
                2,
                InitiatingEntity.ADMIN,
                "ADMIN_CONSENT_DELETE");
        RevocationEvent logout = RevocationEvent.of(
                "l", ISS, SubjectId.complex(ISS, "u", "s", null), 1, 2, InitiatingEntity.USER, "LOGOUT");
        assertThat(consent.events().tokenClaimsChange()).isNotNull();
        assertThat(consent.events().sessionRevoked()).isNull();
        assertThat(logout.events().sessionRevoked()).isNotNull();
        assertThat(logout.events().tokenClaimsChange()).isNull();
    }

    @Test
    void readersIgnoreMembersAndEventTypesTheyDoNotKnow() throws Exception {
        String withExtras = """
                {"jti":"x","iss":"%s","iat":1,"aud":"cloud-api","txn":"t-1",
                 "sub_id":{"format":"complex","tenant":{"format":"opaque","id":"org"},
                           "session":{"format":"opaque","id":"s","extra":1}},
                 "events":{"https://schemas.openid.net/secevent/risc/event-type/account-disabled":{},
                           "https://schemas.openid.net/secevent/caep/event-type/session-revoked":
                             {"event_timestamp":5,"max_token_exp":9,"reason_user":{"en":"You signed out"}}}}""".formatted(ISS);
        RevocationEvent read = STRICT.readValue(withExtras, RevocationEvent.class);
        assertThat(read.covers()).isEqualTo(Covers.SESSION);
        assertThat(read.sessionId()).isEqualTo("s");
        assertThat(read.revokedAt()).isEqualTo(5);
        assertThat(read.maxTokenExp()).isEqualTo(9);
        assertThat(read.problem()).isEmpty();
    }

    @Test
    void theIngestBodyIsAJsonArrayOfRevocations() throws Exception {
        List<RevocationEvent> read = STRICT.readValue(
                "[" + SESSION_CLIENT_JSON + "," + TOKEN_JSON + "]", new TypeReference<List<RevocationEvent>>() {});
        assertThat(read).extracting(RevocationEvent::covers).containsExactly(Covers.SESSION_CLIENT, Covers.TOKEN);
        assertThat(STRICT.writeValueAsString(List.of(sessionClient()))).isEqualTo("[" + SESSION_CLIENT_JSON + "]");
    }

    @Test
    void aRevocationThatNamesNothingToDenyHasAProblem() throws Exception {
        RevocationEvent nothing =
                RevocationEvent.of("x", ISS, SubjectId.complex(ISS, null, null, null), 1, 2, null, null);
        assertThat(nothing.problem())
                .contains("sub_id names no token (jwt_id), session, user or application (complex or iss_sub)");
        RevocationEvent noEvent = STRICT.readValue(
                "{\"jti\":\"x\",\"iss\":\"i\",\"iat\":1,\"sub_id\":{\"format\":\"jwt_id\",\"jti\":\"j\"},"
                        + "\"events\":{}}",
                RevocationEvent.class);
        assertThat(noEvent.problem()).contains("events must hold a CAEP session-revoked or token-claims-change event");
        RevocationEvent noId = STRICT.readValue(TOKEN_JSON.replace("\"jti\":\"a1\",", ""), RevocationEvent.class);
        assertThat(noId.problem()).contains("jti is required");
    }
}
