package io.tidbcloud.keycloak.consent;

import static io.tidbcloud.contract.scope.ApiScope.CLUSTER_READ;
import static io.tidbcloud.contract.scope.ApiScope.CLUSTER_WRITE;
import static io.tidbcloud.contract.scope.ApiScope.PROJECT_READ;
import static io.tidbcloud.contract.scope.ApiScope.PROJECT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeOfferTest {

    private static final List<String> CLI_REQUEST =
            List.of("openid", "offline_access", "profile", "email", "cluster:write", "project:read", "cluster:read");

    @Test
    void onlyApiScopesAreOfferedInTheEnumsOrder() {
        ScopeOffer offer = ScopeOffer.of(CLI_REQUEST, name -> false);

        assertEquals(List.of(PROJECT_READ, CLUSTER_READ, CLUSTER_WRITE), offer.offered());
        assertEquals(List.of(), offer.kept());
        assertTrue(offer.needsChoice());
    }

    @Test
    void scopesGrantedBeforeAreKeptNotOfferedAgain() {
        ScopeOffer offer = ScopeOffer.of(CLI_REQUEST, Set.of("project:read", "cluster:read")::contains);

        assertEquals(List.of(CLUSTER_WRITE), offer.offered());
        assertEquals(List.of(PROJECT_READ, CLUSTER_READ), offer.kept());
    }

    @Test
    void aRequestForTheSameOrFewerGrantedScopesNeedsNoChoice() {
        ScopeOffer offer =
                ScopeOffer.of(List.of("openid", "project:read"), Set.of("project:read", "cluster:read")::contains);

        assertFalse(offer.needsChoice());
    }

    @Test
    void aRequestWithoutApiScopesNeedsNoChoice() {
        assertFalse(ScopeOffer.of(List.of("openid", "profile", "email", "offline_access"), name -> false)
                .needsChoice());
    }

    @Test
    void untickedScopesAreDeclined() {
        ScopeOffer offer = ScopeOffer.of(CLI_REQUEST, name -> false);

        ScopeOffer.Answer.Chosen chosen =
                assertInstanceOf(ScopeOffer.Answer.Chosen.class, offer.answer(List.of("project:read")));

        assertEquals(Set.of(PROJECT_READ), chosen.granted());
        assertEquals(Set.of(CLUSTER_READ, CLUSTER_WRITE), chosen.declined());
        assertEquals(Set.of("cluster:read", "cluster:write"), chosen.declinedNames());
    }

    @Test
    void everyScopeTickedDeclinesNothing() {
        ScopeOffer offer = ScopeOffer.of(CLI_REQUEST, name -> false);

        ScopeOffer.Answer.Chosen chosen = assertInstanceOf(
                ScopeOffer.Answer.Chosen.class, offer.answer(List.of("project:read", "cluster:read", "cluster:write")));

        assertEquals(Set.of(), chosen.declined());
    }

    @Test
    void untickingEveryScopeIsRefused() {
        ScopeOffer offer = ScopeOffer.of(CLI_REQUEST, name -> false);

        assertInstanceOf(ScopeOffer.Answer.NothingChosen.class, offer.answer(List.of()));
    }

    @Test
    void valuesThatWereNotOfferedCountForNothing() {
        ScopeOffer offer = ScopeOffer.of(List.of("openid", "project:read"), name -> false);

        assertInstanceOf(
                ScopeOffer.Answer.NothingChosen.class,
                offer.answer(List.of("project:write", "offline_access", "profile", "admin")));
    }

    @Test
    void untickingEveryNewScopeIsAllowedWhenGrantedOnesRemain() {
        ScopeOffer offer = ScopeOffer.of(CLI_REQUEST, Set.of("project:read")::contains);

        ScopeOffer.Answer.Chosen chosen = assertInstanceOf(ScopeOffer.Answer.Chosen.class, offer.answer(List.of()));

        assertEquals(Set.of(CLUSTER_READ, CLUSTER_WRITE), chosen.declined());
    }

    @Test
    void declinedScopesLeaveTheScopeParameterOthersInOrder() {
        assertEquals(
                "openid offline_access project:read",
                ScopeOffer.withoutScopes(
                        "openid offline_access  project:read cluster:read cluster:write ",
                        Set.of("cluster:read", "cluster:write")));
    }

    @Test
    void declinedScopesAbsentFromTheParameterChangeNothing() {
        assertEquals(
                "openid project:read", ScopeOffer.withoutScopes("openid project:read", Set.of(PROJECT_WRITE.value())));
        assertNull(ScopeOffer.withoutScopes(null, Set.of("project:read")));
    }
}
