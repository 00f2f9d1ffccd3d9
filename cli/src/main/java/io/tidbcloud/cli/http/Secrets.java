package io.tidbcloud.cli.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks tokens wherever they can appear in an HTTP exchange: the
 * Authorization header, form parameters and JSON fields. Debug output goes
 * through here, so a pasted debug log gives away no session.
 */
public final class Secrets {

    public static final String MASK = "***";

    private static final String NAMES =
            "access_token|refresh_token|id_token|device_code|token|code|client_secret|password";
    private static final Pattern FORM = Pattern.compile("(^|&)(" + NAMES + ")=[^&]*");
    private static final Pattern JSON = Pattern.compile("(\"(?:" + NAMES + ")\"\\s*:\\s*)\"[^\"]*\"");
    private static final Pattern BEARER = Pattern.compile("(?i)^(bearer|basic)\\s+.*$");

    private Secrets() {}

    /** "Bearer eyJ..." becomes "Bearer ***". */
    public static String maskAuthorization(String value) {
        Matcher matcher = BEARER.matcher(value);
        return matcher.matches() ? matcher.group(1) + " " + MASK : MASK;
    }

    /** A form body or a JSON body, with every token value replaced by ***. */
    public static String maskBody(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String masked = FORM.matcher(body).replaceAll("$1$2=" + MASK);
        return JSON.matcher(masked).replaceAll("$1\"" + MASK + "\"");
    }
}
