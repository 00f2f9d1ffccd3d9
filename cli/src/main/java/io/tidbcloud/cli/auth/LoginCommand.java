package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.config.Profile;
import io.tidbcloud.cli.config.Settings;
import io.tidbcloud.cli.credentials.Credentials;
import io.tidbcloud.cli.credentials.SecureFiles;
import io.tidbcloud.contract.login.IdentityProvider;
import io.tidbcloud.contract.scope.ApiScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ticloud auth login}: the OAuth 2.0 device authorization grant
 * (RFC 8628). Shows the verification URL and the code, opens the browser
 * when a person is at a terminal with a display, waits for the approval and
 * stores the tokens.
 */
public final class LoginCommand {

    /**
     * openid for the ID token (who signed in); the four API scopes; offline_access so that the session
     * outlives Keycloak's 30-minute SSO idle timeout (see README, verified end to end).
     */
    public static final List<String> DEFAULT_SCOPES = defaultScopes("openid");

    /** What a sign-in takes on disk, with room to spare: three JWTs (a few KB) and config.toml. */
    private static final int ROOM_FOR_A_SIGN_IN = 32 * 1024;

    /**
     * What {@code auth login} was asked for.
     *
     * @param noBrowser only print the URL and the code
     * @param scopes    the scopes to ask for besides {@code openid}; each a scope name
     * @param idp       the identity provider to sign in with without choosing; null to choose
     */
    public record Options(boolean noBrowser, List<String> scopes, IdentityProvider idp) {
        public Options {
            for (String scope : scopes) {
                String trimmed = scope.trim();
                if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\')) {
                    throw CliException.usage(
                            "Invalid scope '" + scope + "' in --scopes: scopes are comma-separated names");
                }
            }
            scopes = List.copyOf(scopes);
        }
    }

    /** The given scopes, then every API scope, then offline_access. */
    private static List<String> defaultScopes(String... first) {
        List<String> scopes = new ArrayList<>(List.of(first));
        for (ApiScope scope : ApiScope.values()) {
            scopes.add(scope.value());
        }
        scopes.add("offline_access");
        return List.copyOf(scopes);
    }

    private final CliContext context;

    public LoginCommand(CliContext context) {
        this.context = context;
    }

    static CommandSpec spec(CliContext context) {
        OptionSpec noBrowser = Commands.flag("--no-browser")
                .description("Do not open a browser; only print the URL and the code.")
                .build();
        OptionSpec scopes = Commands.option(List.class, "--scopes")
                .auxiliaryTypes(String.class)
                .splitRegex(",")
                .paramLabel("SCOPE")
                .description("Scopes to request, comma-separated; openid is always added.", "Default: ${DEFAULT-VALUE}")
                .defaultValue(String.join(",", defaultScopes()))
                .build();
        OptionSpec idp = Commands.choice(IdentityProvider.class, IdentityProvider::alias, "--idp")
                .paramLabel("PROVIDER")
                .description("Sign in with this identity provider without choosing: ${COMPLETION-CANDIDATES}.")
                .build();
        return Commands.command(
                        "login",
                        () -> new Options(noBrowser.getValue(), scopes.getValue(), idp.getValue()),
                        new LoginCommand(context)::run)
                .description(
                        "Sign in with your browser (OAuth 2.0 device authorization grant).",
                        "Shows a URL and a code; approve in any browser, on this machine or another.")
                .options(noBrowser, scopes, idp)
                .build();
    }

    public int run(Options options) throws Exception {
        List<String> requested = requestedScopes(options.scopes());
        IdentityProvider idp = options.idp();
        Settings settings = context.settings();
        Profile profile = settings.profile(context.options().profile()); // what context.profile() reads again
        OAuthEndpoints endpoints = OAuthEndpoints.ofRealm(profile.oauthBase());
        OAuthHttp http = new OAuthHttp(context.transport());
        PrintWriter err = context.err();

        // Before the person approves anything: a sign-in that could not be kept fails now, not after.
        try {
            SecureFiles.checkWritable(settings.configDir(), ROOM_FOR_A_SIGN_IN);
        } catch (FileSystemException e) {
            throw cannotSave(settings, e);
        }

        DeviceCode code;
        try {
            code = new DeviceAuthorization(http, endpoints.deviceAuthorization(), profile.oauthClientId())
                    .request(requested, Optional.ofNullable(idp).map(IdentityProvider::alias));
        } catch (IOException e) {
            throw SignInServerUnreachable.of(profile, "sign in", e);
        }

        URI verification = verificationUrl(code, idp);
        err.println("Open this URL in your browser: " + verification);
        err.println("Then confirm that it shows the code: " + code.userCode());
        if (!options.noBrowser() && context.interactive() && context.browser().available()) {
            try {
                context.browser().open(verification);
            } catch (IOException e) {
                err.println("Could not open a browser: open the URL yourself.");
            }
        }
        err.println("Waiting for you to approve...");
        err.flush();

        DeviceFlow.Outcome outcome = new DeviceFlow(
                        new DeviceAccessTokenRequest(http, endpoints.token(), profile.oauthClientId()),
                        context.clock(),
                        context.sleeper())
                .await(code);
        if (outcome instanceof DeviceFlow.Outcome.Denied) {
            throw CliException.error("Sign-in was declined in the browser. Run `ticloud auth login` to try again.");
        }
        if (outcome instanceof DeviceFlow.Outcome.Expired) {
            throw CliException.error(
                    "The code expired before it was approved. " + "Run `ticloud auth login` to get a new one.");
        }
        IssuedTokens tokens = ((DeviceFlow.Outcome.Granted) outcome).tokens();
        Credentials credentials =
                TokenSource.credentials(profile, tokens, context.clock().instant(), null);
        try {
            settings.writeDefaultsIfMissing();
            context.credentials().save(profile.name(), credentials);
        } catch (FileSystemException e) {
            throw cannotSave(settings, e);
        }
        err.println(credentials.email() == null ? "Signed in." : "Signed in as " + credentials.email());
        return 0;
    }

    private static CliException cannotSave(Settings settings, FileSystemException e) {
        return CliException.error("Cannot save your sign-in in " + settings.configDir() + ": " + SecureFiles.reason(e)
                + ". Make the directory writable or free some space, or set " + Settings.CONFIG_DIR_ENV
                + " to another directory.");
    }

    /** openid always (it names who signed in), then the requested scopes without repeats. */
    private static List<String> requestedScopes(List<String> scopes) {
        List<String> result = new ArrayList<>(List.of("openid"));
        for (String scope : scopes) {
            String trimmed = scope.trim();
            if (!result.contains(trimmed)) {
                result.add(trimmed);
            }
        }
        return result;
    }

    /**
     * The complete verification URL, with {@code kc_idp_hint} when --idp is
     * given. Keycloak 26.7 itself reads only {@code user_code} there; the hint
     * is for a realm extension that forwards it (see README).
     */
    private static URI verificationUrl(DeviceCode code, IdentityProvider idp) {
        URI base = code.verificationUriComplete() != null ? code.verificationUriComplete() : code.verificationUri();
        if (idp == null) {
            return base;
        }
        String separator = base.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + DeviceAuthorization.IDP_HINT_PARAMETER + "=" + idp.alias());
    }
}
