package io.tidbcloud.auth.apps;

import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.contract.portal.ApplicationKind;
import io.tidbcloud.contract.portal.ApplicationRegistration;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.resourceserver.error.ServiceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registration rules of /work/spec/api.md: each broken rule is a 400 whose message names the
 * field. Redirect URIs follow RFC 9700 (OAuth 2.0 Security BCP) section 2.1 and 4.1.3: compared
 * exactly, so no wildcard; no fragment (RFC 6749 section 3.1.2); no userinfo; TLS except on the
 * loopback interface (RFC 8252 section 7.3).
 */
public final class AppValidator {

    public static final int NAME_MAX = 60;
    public static final int REDIRECT_URIS_MAX = 10;
    /**
     * Keycloak keeps each redirect URI and the homepage (the client's base URL) in a column of 255
     * characters and answers a longer one with a 500: the rule says so first.
     */
    public static final int URI_MAX = 255;

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private AppValidator() {}

    public static NewApp validate(ApplicationRegistration request) {
        if (request == null) {
            throw invalid("body must be a JSON object with name, kind, redirectUris, scopes and homepage");
        }
        String name = name(request.name());
        ApplicationKind kind = request.kind();
        if (kind == null) {
            // absent, or a value no ApplicationKind has (the contract reads those as null)
            throw invalid("kind must be web or device");
        }
        List<String> redirectUris = redirectUris(kind, request.redirectUris());
        List<ApiScope> scopes = scopes(request.scopes());
        String homepage = homepage(request.homepage());
        return new NewApp(name, kind, redirectUris, scopes, homepage);
    }

    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw invalid("name is required");
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            throw invalid("name must be at most " + NAME_MAX + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("name must not contain control characters");
        }
        return name;
    }

    static List<String> redirectUris(ApplicationKind kind, List<String> raw) {
        List<String> uris = raw == null ? List.of() : raw;
        if (kind == ApplicationKind.DEVICE) {
            if (!uris.isEmpty()) {
                throw invalid("redirectUris must be empty for a device application");
            }
            return List.of();
        }
        if (uris.isEmpty() || uris.size() > REDIRECT_URIS_MAX) {
            throw invalid("redirectUris: a web application needs 1 to " + REDIRECT_URIS_MAX + " redirect URIs");
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            String field = "redirectUris[" + i + "]";
            String uri = uris.get(i);
            if (uri == null || uri.isBlank()) {
                throw invalid(field + " is empty");
            }
            if (uri.contains("*")) {
                throw invalid(field + " must be exact: no wildcard (*)");
            }
            checkUrl(field, uri, true);
            if (checked.contains(uri)) {
                throw invalid(field + " repeats " + uri);
            }
            checked.add(uri);
        }
        return List.copyOf(checked);
    }

    static List<ApiScope> scopes(List<String> raw) {
        String known = Arrays.stream(ApiScope.values()).map(ApiScope::value).collect(Collectors.joining(", "));
        if (raw == null || raw.isEmpty()) {
            throw invalid("scopes: choose at least one of " + known);
        }
        Set<ApiScope> seen = new HashSet<>();
        List<ApiScope> scopes = new ArrayList<>();
        for (String value : raw) {
            ApiScope scope = ApiScope.fromValue(value)
                    .orElseThrow(() -> invalid("scopes: unknown scope " + quoted(value) + "; choose from " + known));
            if (!seen.add(scope)) {
                throw invalid("scopes: " + scope.value() + " is listed twice");
            }
            scopes.add(scope);
        }
        return List.copyOf(scopes);
    }

    static String homepage(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        checkUrl("homepage", raw.strip(), false);
        return raw.strip();
    }

    /** An absolute http(s) URL without userinfo (and, for a redirect URI, without fragment); https unless loopback. */
    private static void checkUrl(String field, String value, boolean redirect) {
        if (value.length() > URI_MAX) {
            throw invalid(field + " must be at most " + URI_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(field + " is not a valid URI");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw invalid(field + " must be an absolute URI (https://host/path)");
        }
        if (redirect && uri.getRawFragment() != null) {
            throw invalid(field + " must not have a fragment (#...)");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(field + " must not contain user information (user@)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw invalid(field + " must use https (http only for localhost, 127.0.0.1 or [::1])");
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(GrpcStatus.INVALID_ARGUMENT, message);
    }
}
