package io.tidbcloud.api.paging;

import io.tidbcloud.api.config.ApiConfig;
import io.tidbcloud.api.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns paging parameters into a {@link PageRequest} (400 naming the parameter when one is bad) and
 * issues the {@code nextPageToken}s. A token is the next offset signed with HMAC-SHA256 over the
 * caller and the list it belongs to, so a client cannot forge an arbitrary offset nor replay it on
 * another tenant's or another filter's list.
 */
@ApplicationScoped
public class Paging {

    private static final int SIGNATURE_BYTES = 16;

    private final ApiConfig.Paging config;
    private final byte[] key;

    @Inject
    public Paging(ApiConfig config) {
        this.config = config.paging();
        this.key = this.config
                .tokenSecret()
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .orElseGet(Paging::randomKey);
    }

    /**
     * @param list names the caller and the list (with its filters), e.g. {@code "projects:" + subject};
     *             a page token is only valid for the same list
     */
    public PageRequest request(PageParams params, String list) {
        if (params.pageSize != null && params.pageSizeSnake != null && !params.pageSize.equals(params.pageSizeSnake)) {
            throw ApiException.invalidArgument("page_size", "and pageSize disagree; give one of them");
        }
        int size = params.pageSizeSnake != null
                ? parseSize("page_size", params.pageSizeSnake)
                : params.pageSize != null ? parseSize("pageSize", params.pageSize) : config.defaultSize();
        if (params.pageToken != null && !params.pageToken.isEmpty()) {
            if (params.page != null) {
                throw ApiException.invalidArgument("page", "cannot be combined with pageToken");
            }
            return new PageRequest(decode(params.pageToken, list), size);
        }
        int page = params.page == null
                ? 1
                : parseInt("page", params.page, 1, Integer.MAX_VALUE, "must be a whole number from 1 (the first page)");
        long offset = (long) (page - 1) * size;
        return new PageRequest((int) Math.min(offset, Integer.MAX_VALUE), size);
    }

    /** The token for the page after {@code request}, or {@code ""} on the last page. */
    public String nextPageToken(PageRequest request, long total, String list) {
        OptionalInt next = request.nextOffset(total);
        return next.isPresent() ? encode(next.getAsInt(), list) : "";
    }

    private int parseSize(String name, String value) {
        return parseInt(name, value, 1, config.maxSize(), "must be a whole number from 1 to " + config.maxSize());
    }

    private static int parseInt(String name, String value, int min, int max, String rule) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidArgument(name, rule + ", not '" + abbreviate(value) + "'");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.invalidArgument(name, rule + ", not " + parsed);
        }
        return parsed;
    }

    private String encode(int offset, String list) {
        String payload = Integer.toString(offset);
        return base64(payload.getBytes(StandardCharsets.US_ASCII)) + "." + base64(sign(payload, list));
    }

    private int decode(String token, String list) {
        int dot = token.indexOf('.');
        if (dot > 0) {
            try {
                String payload =
                        new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
                byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
                if (MessageDigest.isEqual(signature, sign(payload, list))) {
                    return Integer.parseInt(payload);
                }
            } catch (IllegalArgumentException e) {
                // not base64 or not a number: answered below like any other foreign token
            }
        }
        throw ApiException.invalidArgument("pageToken", "is not a token this API issued for this list");
    }

    private byte[] sign(String payload, String list) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(list.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
            return java.util.Arrays.copyOf(full, SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }
}
