package io.tidbcloud.keycloak.consent;

import io.tidbcloud.keycloak.device.StoredDeviceCodeScope;
import io.tidbcloud.keycloak.login.ApplicationName;
import io.tidbcloud.keycloak.login.StatelessRequiredAction;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.grants.device.DeviceGrantType;
import org.keycloak.services.managers.UserConsentManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Scope selection: before Keycloak's own consent page, the person chooses which of the requested
 * API scopes the application gets (Keycloak itself grants all requested scopes or none).
 *
 * <p>Runs for clients with consent required, in the authorization-code and the device flow, when
 * the request holds an API scope the person has not granted that client yet. {@code accept} with
 * some {@code grant_scope} values narrows the request to them: the client note {@code scope} and the
 * session's client scopes, which Keycloak's consent page lists and the token carries, and, in the
 * device flow, the scope stored with the device code, which the device grant issues. {@code cancel}
 * denies: Keycloak answers a failed required action with the protocol's {@code access_denied}.
 */
public final class ScopeSelectionRequiredAction extends StatelessRequiredAction {

    /** The required action's alias; the realm enables it ({@code requiredActions} of {@code infra/keycloak/tidbcloud-realm.json}). */
    public static final String PROVIDER_ID = "tidbcloud-scope-selection";

    private static final Logger LOG = Logger.getLogger(ScopeSelectionRequiredAction.class);

    /** Authentication-session note: the person answered this step, do not ask again in this sign-in. */
    static final String ANSWERED_NOTE = "tidbcloud.scope-selection.answered";

    static final String TEMPLATE = "tidbcloud-select-scopes.ftl";
    static final String GRANT_SCOPE = "grant_scope";
    static final String ACCEPT = "accept";
    static final String CANCEL = "cancel";
    static final String NOTHING_CHOSEN_MESSAGE = "tidbcloudScopeSelectionNothingChosenMessage";

    /** Scopes that say who the person is; the page says the application receives them. */
    private static final Set<String> IDENTITY_SCOPES =
            Set.of(OAuth2Constants.SCOPE_PROFILE, OAuth2Constants.SCOPE_EMAIL);

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getClient().isConsentRequired()
                && authSession.getAuthNote(ANSWERED_NOTE) == null
                && offer(context).needsChoice()) {
            authSession.addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        ScopeOffer offer = offer(context);
        context.challenge(page(
                context, offer, offer.offered().stream().map(s -> s.value()).toList(), null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(CANCEL)) {
            context.failure();
            return;
        }
        ScopeOffer offer = offer(context);
        if (!form.containsKey(ACCEPT)) {
            requiredActionChallenge(context);
            return;
        }
        List<String> ticked = form.getOrDefault(GRANT_SCOPE, List.of());
        ScopeOffer.Answer answer = offer.answer(ticked);
        if (!(answer instanceof ScopeOffer.Answer.Chosen chosen)) {
            context.challenge(page(context, offer, ticked, NOTHING_CHOSEN_MESSAGE));
            return;
        }
        if (!narrow(context, chosen.declinedNames())) {
            context.failure();
            return;
        }
        if (DeviceGrantType.isOAuth2DeviceVerificationFlow(context.getAuthenticationSession())) {
            recordConsent(context);
        }
        context.getAuthenticationSession().setAuthNote(ANSWERED_NOTE, "true");
        context.success();
    }

    /** What to offer: the requested API scopes, split by the person's stored consent for the client. */
    private static ScopeOffer offer(RequiredActionContext context) {
        UserConsentModel consent = storedConsent(context);
        List<ClientScopeModel> requested = requestedClientScopes(context).toList();
        Set<String> granted = requested.stream()
                .filter(scope -> consent != null && consent.isClientScopeGranted(scope))
                .map(ClientScopeModel::getName)
                .collect(Collectors.toSet());
        return ScopeOffer.of(requested.stream().map(ClientScopeModel::getName).toList(), granted::contains);
    }

    private static Response page(
            RequiredActionContext context, ScopeOffer offer, Collection<String> ticked, String error) {
        var form = context.form()
                .setAttribute(
                        "scopes",
                        offer.offered().stream()
                                .map(scope -> new ScopeOption(scope, ticked.contains(scope.value())))
                                .toList())
                .setAttribute(
                        "keptScopes",
                        offer.kept().stream()
                                .map(scope -> new ScopeOption(scope, true))
                                .toList())
                .setAttribute(
                        "identityShared",
                        requestedClientScopes(context).anyMatch(s -> IDENTITY_SCOPES.contains(s.getName())))
                .setAttribute(
                        "applicationName",
                        ApplicationName.of(context.getAuthenticationSession().getClient()));
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }

    /**
     * Takes the declined scopes out of the request. Keycloak's consent page lists, and its token
     * carries, the session's client scopes and its client note {@code scope}; the device grant
     * takes the scope stored with the device code.
     *
     * @return false when the device code behind this sign-in is gone
     */
    private static boolean narrow(RequiredActionContext context, Set<String> declined) {
        if (declined.isEmpty()) {
            return true;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        RealmModel realm = context.getRealm();
        Set<String> kept = authSession.getClientScopes().stream()
                .filter(id -> {
                    ClientScopeModel scope = KeycloakModelUtils.findClientScopeById(realm, authSession.getClient(), id);
                    return scope == null || !declined.contains(scope.getName());
                })
                .collect(Collectors.toSet());
        authSession.setClientScopes(kept);
        String scope = ScopeOffer.withoutScopes(authSession.getClientNote(OAuth2Constants.SCOPE), declined);
        authSession.setClientNote(OAuth2Constants.SCOPE, scope);
        if (DeviceGrantType.isOAuth2DeviceVerificationFlow(authSession)) {
            String userCode = authSession.getClientNote(DeviceGrantType.OAUTH2_DEVICE_VERIFIED_USER_CODE);
            if (!StoredDeviceCodeScope.replace(context.getSession(), realm, userCode, scope)) {
                LOG.debug("the device code of the entered user code is gone; the sign-in cannot finish");
                return false;
            }
        }
        return true;
    }

    /**
     * Stores the narrowed request as the person's consent for the client, in this request's
     * transaction. In the device flow Keycloak approves the device code in the single-use store
     * (cluster-wide, at once) when its consent page is accepted, while that page's consent is
     * written by the same request's database transaction: a poll in between finds no consent and
     * fails with {@code invalid_scope} ("Client no longer has requested consent from user").
     * Stored here, one request earlier, the consent is committed before the device code can be
     * approved. Every scope the poll checks is granted: the chosen API scopes and the identity
     * scopes the consent page shows.
     */
    private static void recordConsent(RequiredActionContext context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        ClientModel client = context.getAuthenticationSession().getClient();
        UserConsentModel consent = UserConsentManager.getConsentByClient(session, realm, user, client.getId());
        boolean isNew = consent == null;
        UserConsentModel updated = isNew ? new UserConsentModel(client) : consent;
        boolean changed = false;
        for (ClientScopeModel scope : requestedClientScopes(context).toList()) {
            if (scope.isDisplayOnConsentScreen() && !updated.isClientScopeGranted(scope)) {
                updated.addGrantedClientScope(scope);
                changed = true;
            }
        }
        if (isNew) {
            UserConsentManager.addConsent(session, realm, user, updated);
        } else if (changed) {
            UserConsentManager.updateConsent(session, realm, user, updated);
        }
    }

    private static UserConsentModel storedConsent(RequiredActionContext context) {
        return UserConsentManager.getConsentByClient(
                context.getSession(),
                context.getRealm(),
                context.getUser(),
                context.getAuthenticationSession().getClient().getId());
    }

    /** The client scopes of this request (the client itself, which Keycloak lists too, left out). */
    private static Stream<ClientScopeModel> requestedClientScopes(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        ClientModel client = authSession.getClient();
        return authSession.getClientScopes().stream()
                .map(id -> KeycloakModelUtils.findClientScopeById(context.getRealm(), client, id))
                .filter(Objects::nonNull)
                .filter(scope -> !(scope instanceof ClientModel));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Choose the API scopes an application gets";
    }
}
