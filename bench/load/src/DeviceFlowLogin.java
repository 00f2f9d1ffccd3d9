import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real device-flow sign-in (RFC 8628) of ticloud-cli without a browser: the device authorization
 * request, then the person's pages walked with an HTTP client that keeps cookies as a browser does
 * (Keycloak marks its cookies Secure even on http://localhost, where browsers still send them):
 * the verification link, the provider button, the stand-in provider's login form (a second realm: a
 * real federation hop), our device confirmation, our scope selection and Keycloak's consent; then
 * the token request with the device code. Each sign-in starts from an empty cookie jar, so each
 * crosses the whole chain. Pages are found by the element names ARCHITECTURE.md fixes.
 */
final class DeviceFlowLogin {

    static final String CLIENT_ID = "ticloud-cli";
    private static final String SCOPE = "openid " + Settings.API_SCOPES + " offline_access";
    private static final String PAGES = "KC device sign-in page (each hop)";
    private static final String ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON = Pattern.compile("<button\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    /** What the sign-in yields. */
    record Tokens(String accessToken, String refreshToken) {}

    private final Settings settings;
    private final Http http;

    DeviceFlowLogin(Settings settings, Http http) {
        this.settings = settings;
        this.http = http;
    }

    /** The tokens, or null with the failure recorded as an error. */
    Tokens signIn() {
        Http.Answer device = http.expect(
                "KC POST /auth/device",
                Http.form(
                        settings.realmUrl() + "/protocol/openid-connect/auth/device",
                        Map.of("client_id", CLIENT_ID, "scope", SCOPE)),
                200);
        if (device == null) {
            return null;
        }
        long started = System.nanoTime();
        if (!approve(device.json().path("verification_uri_complete").asText())) {
            return null;
        }
        Tokens tokens = poll(device.json());
        if (tokens != null) {
            http.stats().record("device login (pages + token)", System.nanoTime() - started);
        }
        return tokens;
    }

    private boolean approve(String verificationUriComplete) {
        Map<String, String> cookies = new LinkedHashMap<>();
        Page page = follow(cookies, get(verificationUriComplete, cookies));
        for (int step = 0; page != null && step < 12; step++) {
            String html = page.body();
            if (html.contains("Device Login Successful")) {
                return true;
            }
            if (html.contains("id=\"social-" + settings.deviceIdp() + "\"")) {
                String href = attribute(tagContaining(html, "id=\"social-" + settings.deviceIdp() + "\""), "href");
                page = follow(cookies, get(page.resolve(href), cookies));
            } else if (html.contains("name=\"password\"")) {
                page = submit(cookies, page, "name=\"password\"", Map.of(
                        "username", settings.deviceUser(), "password", settings.devicePassword()), List.of());
            } else if (html.contains("id=\"device-user-code\"")) {
                page = submit(cookies, page, "name=\"confirm\"", Map.of(), List.of("confirm"));
            } else if (html.contains("id=\"scope-accept\"")) {
                page = submit(cookies, page, "id=\"scope-accept\"", Map.of(), List.of("accept"));
            } else if (html.contains("id=\"kc-oauth\"")) {
                page = submit(cookies, page, "name=\"accept\"", Map.of(), List.of("accept"));
            } else {
                http.stats().error("device login: an unexpected page", page.uri() + " " + title(html));
                return false;
            }
        }
        if (page != null) {
            http.stats().error("device login: no success page after 12 steps", page.uri() + " " + title(page.body()));
        }
        return false;
    }

    /** The token request with the device code (RFC 8628 section 3.4), waiting as the server asks. */
    private Tokens poll(JsonNode device) {
        long interval = Math.max(1, device.path("interval").asLong(5));
        for (int attempt = 0; attempt < 10; attempt++) {
            Http.Answer answer = http.send(
                    "KC POST /token (device_code)",
                    Http.form(
                            settings.tokenUrl(),
                            Map.of(
                                    "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                                    "client_id", CLIENT_ID,
                                    "device_code", device.path("device_code").asText())));
            if (answer == null) {
                return null;
            }
            if (answer.status() == 200) {
                return new Tokens(answer.json().path("access_token").asText(), answer.json().path("refresh_token").asText());
            }
            String error = answer.json() == null ? "" : answer.json().path("error").asText();
            if (error.equals("slow_down")) {
                interval += 5;
            } else if (!error.equals("authorization_pending")) {
                http.stats().error("KC POST /token (device_code) -> " + answer.status(), answer.body());
                return null;
            }
            sleepSeconds(interval);
        }
        http.stats().error("device login: no token after 10 polls", "");
        return null;
    }

    /** A page as the browser shows it, with the address it came from; or a redirect to the next. */
    private record Page(URI uri, String body, String redirect) {
        String resolve(String href) {
            return uri.resolve(unescape(href)).toString();
        }
    }

    /**
     * Fills the form around {@code marker} (its hidden fields, every checkbox ticked as our scope
     * selection shows them, the given fields) and presses the named buttons.
     */
    private Page submit(Map<String, String> cookies, Page page, String marker, Map<String, String> fields, List<String> buttons) {
        String html = page.body();
        int at = html.indexOf(marker);
        int start = html.lastIndexOf("<form", at);
        int end = html.indexOf("</form>", at);
        if (start < 0 || end < 0) {
            http.stats().error("device login: no form around " + marker, page.uri() + " " + title(html));
            return null;
        }
        String form = html.substring(start, end);
        String action = attribute(form.substring(0, form.indexOf('>') + 1), "action");
        StringBuilder body = new StringBuilder();
        Matcher inputs = INPUT.matcher(form);
        while (inputs.find()) {
            String input = inputs.group();
            String type = attribute(input, "type").toLowerCase();
            String name = attribute(input, "name");
            if (name.isEmpty() || fields.containsKey(name)) {
                continue;
            }
            if (type.equals("hidden") || type.equals("checkbox")) {
                append(body, name, unescape(attribute(input, "value")));
            } else if (type.equals("submit") && buttons.contains(name)) {
                append(body, name, unescape(attribute(input, "value")));
            }
        }
        Matcher pressed = BUTTON.matcher(form);
        while (pressed.find()) {
            String name = attribute(pressed.group(), "name");
            if (buttons.contains(name)) {
                append(body, name, unescape(attribute(pressed.group(), "value")));
            }
        }
        fields.forEach((name, value) -> append(body, name, value));
        HttpRequest request = browserRequest(page.resolve(action), cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return follow(cookies, send(request, cookies));
    }

    private Page get(String url, Map<String, String> cookies) {
        return send(browserRequest(url, cookies).GET().build(), cookies);
    }

    private Page follow(Map<String, String> cookies, Page page) {
        for (int hops = 0; page != null && page.redirect() != null && hops < 10; hops++) {
            page = get(page.redirect(), cookies);
        }
        return page;
    }

    /** Sends as a browser does, keeping its cookies; a redirect comes back as a page naming the next address. */
    private Page send(HttpRequest request, Map<String, String> cookies) {
        Http.Answer answer = http.send(PAGES, request, cookies);
        if (answer == null) {
            return null;
        }
        if (answer.status() / 100 == 3 && answer.location() != null) {
            return new Page(request.uri(), "", request.uri().resolve(answer.location()).toString());
        }
        if (answer.status() != 200) {
            http.stats().error(PAGES + " -> " + answer.status(), request.uri() + " " + title(answer.body()));
            return null;
        }
        return new Page(request.uri(), answer.body(), null);
    }

    private static HttpRequest.Builder browserRequest(String url, Map<String, String> cookies) {
        HttpRequest.Builder builder = Http.request(url).header("Accept", ACCEPT_HTML);
        String cookie = Http.cookieHeader(URI.create(url), cookies);
        return cookie == null ? builder : builder.header("Cookie", cookie);
    }

    private static void append(StringBuilder body, String name, String value) {
        if (!body.isEmpty()) {
            body.append('&');
        }
        body.append(Http.encode(Map.of(name, value)));
    }

    private static String tagContaining(String html, String marker) {
        int at = html.indexOf(marker);
        int start = html.lastIndexOf('<', at);
        return html.substring(start, html.indexOf('>', at) + 1);
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return m.find() ? m.group(1) : "";
    }

    private static String title(String html) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>", Pattern.CASE_INSENSITIVE).matcher(html);
        return m.find() ? m.group(1).strip() : html.substring(0, Math.min(120, html.length()));
    }

    static String unescape(String text) {
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replaced = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> entity.startsWith("#x")
                        ? Character.toString(Integer.parseInt(entity.substring(2), 16))
                        : Character.toString(Integer.parseInt(entity.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
