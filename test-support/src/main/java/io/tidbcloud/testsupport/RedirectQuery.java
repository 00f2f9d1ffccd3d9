package io.tidbcloud.testsupport;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of an authorization response (RFC 6749 section 4.1.2: {@code code}, {@code state},
 * or {@code error}), read from the query of the redirect back to a test client: names and values
 * URL-decoded; a name without {@code =} is left out; of a repeated name, the first value.
 */
public final class RedirectQuery {

    private RedirectQuery() {}

    /** The parameters of the redirect URI's query; empty when it has none. */
    public static Map<String, String> of(URI redirect) {
        return parse(redirect.getRawQuery());
    }

    /** The parameters of a raw (still encoded) query string; empty for null. */
    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
