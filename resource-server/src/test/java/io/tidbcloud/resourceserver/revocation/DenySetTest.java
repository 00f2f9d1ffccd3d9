package io.tidbcloud.resourceserver.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidbcloud.contract.revocation.RevocationEvent;
import io.tidbcloud.contract.revocation.SubjectId;
import org.junit.jupiter.api.Test;

/** Which tokens each kind of revocation covers, and for how long. */
class DenySetTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long IAT = NOW / 1000 - 10;
    private static final long EXPIRES = NOW + 300_000;

    private final DenySet denySet = new DenySet();

    private static final String ISS = "http://localhost:8180/realms/tidbcloud";

    private static RevocationEvent revocation(String subject, String sid, String client, String jti) {
        SubjectId named = jti != null ? SubjectId.jwtId(ISS, jti) : SubjectId.complex(ISS, subject, sid, client);
        return RevocationEvent.of("e", ISS, named, (NOW - 1000) / 1000, EXPIRES / 1000, null, "TEST");
    }

    @Test
    void emptySetRevokesNothing() {
        assertFalse(denySet.isRevoked("j", "s", "c", "u", IAT, NOW));
    }

    @Test
    void sessionRevocationCoversEveryClientOfTheSession() {
        denySet.add(revocation("u", "s", null, null));
        assertTrue(denySet.isRevoked("j1", "s", "ticloud-cli", "u", IAT, NOW));
        assertTrue(denySet.isRevoked("j2", "s", "web-portal", "u", IAT, NOW));
        assertFalse(denySet.isRevoked("j3", "other", "web-portal", "u", IAT, NOW));
    }

    @Test
    void sessionClientRevocationLeavesTheSessionsOtherClientsAlone() {
        denySet.add(revocation("u", "s", "ticloud-cli", null));
        assertTrue(denySet.isRevoked("j1", "s", "ticloud-cli", "u", IAT, NOW));
        assertFalse(denySet.isRevoked("j2", "s", "web-portal", "u", IAT, NOW));
    }

    @Test
    void tokenRevocationCoversOnlyThatTokenWheneverIssued() {
        denySet.add(revocation("u", null, "c", "j1"));
        assertTrue(denySet.isRevoked("j1", "s", "c", "u", NOW / 1000 + 100, NOW));
        assertFalse(denySet.isRevoked("j2", "s", "c", "u", IAT, NOW));
    }

    @Test
    void subjectClientRevocationCoversTheUsersTokensForThatClientOnly() {
        denySet.add(revocation("u", null, "ticloud-cli", null));
        assertTrue(denySet.isRevoked("j1", "s1", "ticloud-cli", "u", IAT, NOW));
        assertFalse(denySet.isRevoked("j2", "s1", "web-portal", "u", IAT, NOW));
        assertFalse(denySet.isRevoked("j3", "s2", "ticloud-cli", "someone-else", IAT, NOW));
    }

    @Test
    void subjectRevocationCoversEveryTokenOfTheUser() {
        denySet.add(revocation("u", null, null, null));
        assertTrue(denySet.isRevoked("j1", "s1", "ticloud-cli", "u", IAT, NOW));
        assertTrue(denySet.isRevoked("j2", null, "cloud-api", "u", IAT, NOW));
    }

    @Test
    void clientRevocationCoversEveryTokenOfThatClientWhoeverItActedFor() {
        denySet.add(revocation(null, null, "app-deleted", null));
        assertTrue(denySet.isRevoked("j1", "s1", "app-deleted", "alice", IAT, NOW));
        assertTrue(denySet.isRevoked("j2", null, "app-deleted", "bob", IAT, NOW));
        assertFalse(denySet.isRevoked("j3", "s1", "web-portal", "alice", IAT, NOW));
        assertFalse(denySet.isRevoked("j4", "s2", "app-deleted", "alice", NOW / 1000 + 5, NOW));
    }

    @Test
    void tokensIssuedAfterTheRevocationAreNotCovered() {
        denySet.add(revocation("u", null, "ticloud-cli", null));
        assertFalse(denySet.isRevoked("j1", "s9", "ticloud-cli", "u", NOW / 1000 + 5, NOW));
    }

    @Test
    void entriesStopMatchingAndAreSweptAfterTheirExpiry() {
        denySet.add(revocation("u", "s", null, null));
        assertFalse(denySet.isRevoked("j", "s", "c", "u", IAT, EXPIRES + 1));
        assertEquals(1, denySet.sweep(EXPIRES + 1));
        assertEquals(0, denySet.size());
    }
}
