package io.tidbcloud.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Throwaway copies of ticloud-cli, for tests that need a client of their own (consent is stored per
 * person and client; lifetimes are client settings); each is deleted after the test that made it.
 * Registered on an instance field with {@code @RegisterExtension}.
 */
final class CliClientCopies implements AfterEachCallback {

    private final RealmAdmin admin = new RealmAdmin();
    private final List<String> internalIds = new ArrayList<>();

    /**
     * A copy named {@code <prefix>-<nanos>} whose device codes are polled every second, with
     * {@code attributes} set over ticloud-cli's; returns its client id.
     */
    String create(String prefix, Map<String, String> attributes) {
        String clientId = prefix + "-" + System.nanoTime();
        Map<String, String> all = new HashMap<>(attributes);
        all.putIfAbsent("oauth2.device.polling.interval", "1");
        internalIds.add(admin.copyClient("ticloud-cli", clientId, all));
        return clientId;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        internalIds.forEach(admin::deleteClient);
        internalIds.clear();
    }
}
