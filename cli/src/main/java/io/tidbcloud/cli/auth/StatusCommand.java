package io.tidbcloud.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.config.Profile;
import io.tidbcloud.cli.credentials.CredentialStore;
import io.tidbcloud.cli.credentials.Credentials;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import io.tidbcloud.contract.scope.ApiScope;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ticloud auth status} (alias {@code whoami}): who is signed in, in which
 * organization, with which scopes, until when. Refreshes the access token when
 * it is about to expire, so "signed in" means the session still works.
 */
public final class StatusCommand {

    private final CliContext context;

    public StatusCommand(CliContext context) {
        this.context = context;
    }

    /** What {@code auth status} was asked for: the output format. */
    public record Options(OutputFormat output) {}

    static CommandSpec spec(CliContext context) {
        OptionSpec output = OutputOption.spec();
        return Commands.command("status", () -> new Options(output.getValue()), new StatusCommand(context)::run)
                .aliases("whoami")
                .description("Show who is signed in: email, name, organization, granted scopes, token expiry.")
                .options(output)
                .build();
    }

    public int run(Options options) throws Exception {
        Profile profile = context.profile();
        CredentialStore store = context.credentials();
        Credentials credentials =
                TokenSource.forProfile(context, profile, store).validCredentials();
        IdTokenClaims.Identity identity = IdTokenClaims.identity(credentials.idToken());
        String email = identity.email() != null ? identity.email() : credentials.email();
        List<String> scopes = credentials.scope() == null
                ? List.of()
                : List.of(credentials.scope().split(" "));
        String organization = organization(scopes);
        Instant expiry = credentials.accessTokenExpiry();

        if (options.output().isJson()) {
            ObjectNode document = Json.object();
            document.put("profile", profile.name());
            document.put("email", email);
            document.put("name", identity.name());
            document.put("organization", organization);
            scopes.forEach(document.putArray("scopes")::add);
            document.put("expiresAt", expiry.toString());
            document.put("oauthEndpoint", credentials.oauthEndpoint());
            document.put("storedIn", store.location());
            context.out().println(Json.pretty(document));
        } else {
            PrintWriter out = context.out();
            out.println("Signed in as " + (email == null ? "(no email)" : email));
            out.println("  Profile:       " + profile.name());
            out.println("  Name:          " + orDash(identity.name()));
            out.println("  Organization:  " + orDash(organization));
            out.println("  Scopes:        " + String.join(" ", scopes));
            out.println("  Token expires: " + expiry + " (in "
                    + humanDuration(Duration.between(context.clock().instant(), expiry)) + ")");
            out.println("  Signed in at:  " + credentials.oauthEndpoint());
            out.println("  Tokens in:     " + store.location());
        }
        context.out().flush();
        return 0;
    }

    /** The organization of the person's projects (the API creates it at the first call); null when not readable. */
    private String organization(List<String> scopes) throws InterruptedException {
        if (!scopes.contains(ApiScope.PROJECT_READ_VALUE)) {
            return null;
        }
        try {
            JsonNode projects = CloudApi.of(context)
                    .get("/v1beta1/projects?page=1&page_size=1")
                    .path("projects");
            return projects.isArray() && !projects.isEmpty()
                    ? projects.get(0).path("org_id").asText(null)
                    : null;
        } catch (CliException | java.io.IOException unavailable) {
            return null; // the API is optional here: who you are does not depend on it
        }
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    static String humanDuration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : " " + (seconds % 60) + "s");
        }
        return (seconds / 3600) + "h " + (seconds % 3600 / 60) + "m";
    }
}
