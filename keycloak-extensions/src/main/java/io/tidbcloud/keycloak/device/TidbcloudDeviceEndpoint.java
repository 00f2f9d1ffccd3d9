package io.tidbcloud.keycloak.device;

import io.tidbcloud.contract.login.IdentityProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.constants.AdapterConstants;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OAuth2DeviceCodeModel;
import org.keycloak.models.OAuth2DeviceUserCodeProvider;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.grants.device.DeviceGrantType;
import org.keycloak.protocol.oidc.grants.device.endpoints.DeviceEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's device endpoint ({@code /realms/<realm>/device}) that also honours an identity-provider
 * hint, so that {@code ticloud auth login --idp microsoft} skips the provider page.
 *
 * <p>Keycloak 26.7 verifies the user code, creates the authentication session and redirects to
 * {@code /login-actions/authenticate}; the Identity Provider Redirector of the browser flow runs
 * there and finds {@code kc_idp_hint} neither in that URL nor in the session. This endpoint puts a
 * valid hint ({@link IdentityProviderHint}) into the session's client note {@code kc_idp_hint},
 * which the redirector reads, just before that redirect. It also marks a session whose code came
 * in the complete verification link, for {@link DeviceConfirmationRequiredAction}. Everything else
 * is Keycloak's.
 */
public class TidbcloudDeviceEndpoint extends DeviceEndpoint {

    /** Keeps the browser's attempts apart from others behind the same address (NAT, proxies). */
    static final String BROWSER_COOKIE = "TIDBCLOUD_DEVICE_BROWSER";

    static final String TOO_MANY_ATTEMPTS_MESSAGE = "tidbcloudTooManyUserCodeAttemptsMessage";

    private final WrongUserCodeLimit wrongCodes;

    public TidbcloudDeviceEndpoint(KeycloakSession session, EventBuilder event, WrongUserCodeLimit wrongCodes) {
        super(session, event);
        this.wrongCodes = wrongCodes;
    }

    /**
     * Every user code entry, from the complete link ({@code GET}) and the form ({@code POST}, which
     * Keycloak hands to this method): limited per browser and per client address (RFC 8628 section
     * 5.1). While either is blocked, no code is looked up, not even a right one.
     */
    @Override
    @GET
    public Response verifyUserCode(@QueryParam("user_code") String userCode) {
        if (userCode == null || userCode.isBlank()) {
            return super.verifyUserCode(userCode);
        }
        List<String> subjects = attemptSubjects();
        OptionalLong wait = wrongCodes.blockedFor(subjects);
        if (wait.isPresent()) {
            event.event(EventType.OAUTH2_DEVICE_VERIFY_USER_CODE)
                    .detail(Details.REASON, "too many wrong user codes")
                    .error(Errors.INVALID_OAUTH2_USER_CODE);
            return session.getProvider(LoginFormsProvider.class)
                    .setExecution(AuthenticatedClientSessionModel.Action.USER_CODE_VERIFICATION.name())
                    .setStatus(Response.Status.TOO_MANY_REQUESTS)
                    .setError(TOO_MANY_ATTEMPTS_MESSAGE, wait.getAsLong())
                    .createOAuth2DeviceVerifyUserCodePage();
        }
        String code = session.getProvider(OAuth2DeviceUserCodeProvider.class).format(userCode);
        if (getDeviceByUserCode(session, realm, code) == null) {
            wrongCodes.recordWrong(subjects);
        }
        return super.verifyUserCode(userCode);
    }

    /** Who the attempt counts against: this browser (a cookie of ours) and the client address. */
    private List<String> attemptSubjects() {
        String browser = Optional.ofNullable(
                        session.getContext().getRequestHeaders().getCookies().get(BROWSER_COOKIE))
                .map(Cookie::getValue)
                .filter(value -> !value.isBlank() && value.length() <= 64)
                .orElseGet(this::newBrowserCookie);
        return List.of(
                "browser:" + browser,
                "address:" + session.getContext().getConnection().getRemoteAddr());
    }

    private String newBrowserCookie() {
        String value = SecretGenerator.getInstance().randomString(32);
        URI base = session.getContext().getUri().getBaseUri();
        String path = DeviceGrantType.oauth2DeviceVerificationUrl(
                        session.getContext().getUri())
                .build(realm.getName())
                .getPath();
        session.getContext()
                .getHttpResponse()
                .setCookieIfAbsent(new NewCookie.Builder(BROWSER_COOKIE)
                        .value(value)
                        .path(path)
                        .httpOnly(true)
                        .secure("https".equals(base.getScheme()))
                        .sameSite(NewCookie.SameSite.LAX)
                        .build());
        return value;
    }

    @Override
    protected Response handleBrowserAuthenticationRequest(
            AuthenticationSessionModel authSession,
            LoginProtocol protocol,
            boolean isPassive,
            boolean redirectToAuthentication) {
        IdentityProviderHint.choose(session, linkHint(), deviceRequestHint(authSession))
                .ifPresent(alias -> authSession.setClientNote(AdapterConstants.KC_IDP_HINT, alias));
        if (cameFromCompleteVerificationLink()) {
            authSession.setClientNote(DeviceConfirmationRequiredAction.PENDING_NOTE, "true");
        }
        return super.handleBrowserAuthenticationRequest(authSession, protocol, isPassive, redirectToAuthentication);
    }

    /**
     * The code arrived in {@code verification_uri_complete} ({@code GET /device?user_code=...}) rather
     * than typed into the form ({@code POST}): the person has not necessarily seen it.
     */
    private boolean cameFromCompleteVerificationLink() {
        return HttpMethod.GET.equals(session.getContext().getHttpRequest().getHttpMethod());
    }

    /** {@code kc_idp_hint} of the verification link (GET); a typed code (POST) has none. */
    private String linkHint() {
        return session.getContext().getUri().getQueryParameters().getFirst(AdapterConstants.KC_IDP_HINT);
    }

    /** The hint the device sent with its authorization request, kept with the device code. */
    private String deviceRequestHint(AuthenticationSessionModel authSession) {
        String userCode = authSession.getClientNote(DeviceGrantType.OAUTH2_DEVICE_VERIFIED_USER_CODE);
        if (userCode == null) {
            return null;
        }
        OAuth2DeviceCodeModel deviceCode = getDeviceByUserCode(session, realm, userCode);
        Map<String, String> params = deviceCode == null ? null : deviceCode.getAdditionalParams();
        return params == null ? null : params.get(IdentityProvider.DEVICE_HINT_PARAMETER);
    }
}
