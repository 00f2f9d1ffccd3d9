package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.ExitCode;
import io.tidbcloud.cli.config.Profile;
import io.tidbcloud.cli.credentials.CredentialStore;
import io.tidbcloud.cli.credentials.Credentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Hands out a valid access token for the profile: the stored one while it has
 * more than its refresh margin left, otherwise a refreshed one, whose rotated
 * refresh token is stored before it is used.
 */
public final class TokenSource {

    /**
     * Refresh this long before the access token expires, so that it does not expire on its way to the API: a
     * tenth of its lifetime, at most 30 seconds (Keycloak's default 5-minute tokens get 30 s). A fixed 30 s
     * would exceed the whole lifetime of tokens shorter than that and refresh them before every request.
     */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);
    /** Used when a token response leaves out expires_in: short, so we refresh rather than fail. */
    static final Duration ASSUMED_LIFETIME = Duration.ofSeconds(60);

    private final CredentialStore store;
    private final Profile profile;
    private final TokenRefresh refresh;
    private final Clock clock;

    public TokenSource(CredentialStore store, Profile profile, TokenRefresh refresh, Clock clock) {
        this.store = store;
        this.profile = profile;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The token source of {@code profile}: its stored tokens, refreshed at its realm's token endpoint. */
    public static TokenSource forProfile(CliContext context, Profile profile) {
        return forProfile(context, profile, context.credentials());
    }

    /** As {@link #forProfile(CliContext, Profile)}, with the credential store the caller already opened. */
    public static TokenSource forProfile(CliContext context, Profile profile, CredentialStore store) {
        TokenRefresh refresh = new TokenRefresh(
                new OAuthHttp(context.transport()),
                OAuthEndpoints.ofRealm(profile.oauthBase()).token(),
                profile.oauthClientId());
        return new TokenSource(store, profile, refresh, context.clock());
    }

    public String accessToken() throws IOException, InterruptedException {
        return validCredentials().accessToken();
    }

    /** The stored credentials, refreshed first when the access token has 30 seconds or less left. */
    public Credentials validCredentials() throws IOException, InterruptedException {
        Credentials current = signedIn();
        if (fresh(current)) {
            return current;
        }
        return store.locked(() -> {
            // Another process may have refreshed while this one waited for the lock: use its tokens.
            Credentials latest = signedIn();
            return fresh(latest) ? latest : refresh(latest);
        });
    }

    /** After the API refused {@code rejected}: refresh once, unless another process already replaced it. */
    public String refreshedAccessToken(String rejected) throws IOException, InterruptedException {
        return store.locked(() -> {
            Credentials latest = signedIn();
            if (!latest.accessToken().equals(rejected) && fresh(latest)) {
                return latest.accessToken();
            }
            return refresh(latest).accessToken();
        });
    }

    private boolean fresh(Credentials credentials) {
        return clock.instant().plus(refreshMargin(credentials)).isBefore(credentials.accessTokenExpiry());
    }

    /** {@link #REFRESH_MARGIN}, or a tenth of the token's lifetime when that is shorter; 30 s when the lifetime is not known. */
    static Duration refreshMargin(Credentials credentials) {
        return credentials
                .accessTokenLifetime()
                .map(lifetime -> lifetime.dividedBy(10))
                .filter(tenth -> tenth.compareTo(REFRESH_MARGIN) < 0)
                .orElse(REFRESH_MARGIN);
    }

    private Credentials signedIn() throws IOException {
        Credentials current = store.load(profile.name()).orElseThrow(CliException::notSignedIn);
        if (!profile.oauthEndpoint().equals(current.oauthEndpoint())) {
            // Never send tokens of one authorization server on behalf of another.
            throw new CliException(
                    ExitCode.NOT_SIGNED_IN,
                    "Not signed in at " + profile.oauthEndpoint() + " (signed in at " + current.oauthEndpoint()
                            + "): run `ticloud auth login`");
        }
        return current;
    }

    /** Runs with the credentials lock held; stores the rotated refresh token before anything uses the new tokens. */
    private Credentials refresh(Credentials current) throws IOException, InterruptedException {
        if (current.refreshToken() == null) {
            throw CliException.tokenRejected("Your access token expired and there is no refresh token");
        }
        IssuedTokens issued;
        try {
            issued = refresh.refresh(current.refreshToken());
        } catch (OAuthProtocolException e) {
            if ("invalid_grant".equals(e.error())) {
                throw CliException.tokenRejected("Your session has ended (" + e.describe() + ")");
            }
            throw CliException.error("Could not refresh the access token: " + e.describe());
        } catch (IOException e) {
            throw SignInServerUnreachable.of(profile, "refresh your access token", e);
        }
        Credentials refreshed = credentials(profile, issued, clock.instant(), current);
        store.save(profile.name(), refreshed);
        return refreshed;
    }

    /** The credentials to store for newly issued tokens; what the response leaves out is kept from before. */
    public static Credentials credentials(Profile profile, IssuedTokens issued, Instant now, Credentials previous) {
        Duration lifetime = issued.expiresIn() == null ? ASSUMED_LIFETIME : issued.expiresIn();
        String refreshToken = issued.refreshToken() != null
                ? issued.refreshToken()
                : previous == null ? null : previous.refreshToken();
        String idToken = issued.idToken() != null ? issued.idToken() : previous == null ? null : previous.idToken();
        String scope = issued.scope() != null ? issued.scope() : previous == null ? null : previous.scope();
        String email = IdTokenClaims.displayName(issued.idToken())
                .orElse(
                        previous == null
                                ? IdTokenClaims.displayName(issued.accessToken())
                                        .orElse(null)
                                : previous.email());
        return new Credentials(
                profile.oauthEndpoint(),
                profile.oauthClientId(),
                issued.accessToken(),
                refreshToken,
                idToken,
                now.getEpochSecond(),
                now.plus(lifetime).getEpochSecond(),
                scope,
                email);
    }
}
