package io.tidbcloud.keycloak.consent;

import io.tidbcloud.contract.scope.ApiScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the scope-selection page offers for one authorization request, and what the person's answer
 * means. Only {@link ApiScope} values are ever choices: {@code openid}, {@code offline_access},
 * {@code profile}, {@code email} and any other scope pass through untouched.
 *
 * @param offered requested API scopes the person has not granted this client yet, in the enum's order
 * @param kept requested API scopes the person granted this client before: not asked again
 */
record ScopeOffer(List<ApiScope> offered, List<ApiScope> kept) {

    ScopeOffer {
        offered = List.copyOf(offered);
        kept = List.copyOf(kept);
    }

    /**
     * @param requestedScopeNames the names of every scope of the request (API or not)
     * @param granted whether the person's stored consent for this client already holds a scope name
     */
    static ScopeOffer of(Collection<String> requestedScopeNames, Predicate<String> granted) {
        EnumSet<ApiScope> requested = EnumSet.noneOf(ApiScope.class);
        requestedScopeNames.forEach(name -> ApiScope.fromValue(name).ifPresent(requested::add));
        List<ApiScope> offered = new ArrayList<>();
        List<ApiScope> kept = new ArrayList<>();
        for (ApiScope scope : requested) {
            (granted.test(scope.value()) ? kept : offered).add(scope);
        }
        return new ScopeOffer(offered, kept);
    }

    /** The page is needed only when the request holds an API scope the person has not granted yet. */
    boolean needsChoice() {
        return !offered.isEmpty();
    }

    /**
     * The person's answer: the {@code grant_scope} values the form sent. Values that were not offered
     * (a stale or crafted form) are ignored. A grant that would leave the token without any API
     * scope is refused.
     */
    Answer answer(Collection<String> ticked) {
        Set<ApiScope> granted = EnumSet.noneOf(ApiScope.class);
        for (ApiScope scope : offered) {
            if (ticked.contains(scope.value())) {
                granted.add(scope);
            }
        }
        if (granted.isEmpty() && kept.isEmpty()) {
            return new Answer.NothingChosen();
        }
        Set<ApiScope> declined = EnumSet.noneOf(ApiScope.class);
        offered.stream().filter(scope -> !granted.contains(scope)).forEach(declined::add);
        return new Answer.Chosen(granted, declined);
    }

    /** The outcome of a submitted scope-selection form. */
    sealed interface Answer {

        /** Every offered scope unticked and none granted before: the token would hold no API scope. */
        record NothingChosen() implements Answer {}

        /**
         * @param granted the offered scopes the person ticked
         * @param declined the offered scopes the person unticked: taken out of the request
         */
        record Chosen(Set<ApiScope> granted, Set<ApiScope> declined) implements Answer {

            Set<String> declinedNames() {
                return declined.stream().map(ApiScope::value).collect(Collectors.toUnmodifiableSet());
            }
        }
    }

    /**
     * The OAuth {@code scope} parameter without the given scopes, the others in their order
     * (RFC 6749 section 3.3: space-delimited; repeated spaces are tolerated).
     */
    static String withoutScopes(String scopeParameter, Set<String> removed) {
        if (scopeParameter == null) {
            return null;
        }
        return Arrays.stream(scopeParameter.trim().split(" +"))
                .filter(name -> !name.isEmpty() && !removed.contains(name))
                .collect(Collectors.joining(" "));
    }
}
