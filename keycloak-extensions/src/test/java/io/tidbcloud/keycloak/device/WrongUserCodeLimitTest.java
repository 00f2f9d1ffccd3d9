package io.tidbcloud.keycloak.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WrongUserCodeLimitTest {

    /** The single-use store as the limit sees it: entries that expire. */
    private static final class ExpiringSlots implements WrongUserCodeLimit.Slots {
        private final Map<String, Long> expiries = new HashMap<>();
        private final AtomicLong clock;

        ExpiringSlots(AtomicLong clock) {
            this.clock = clock;
        }

        @Override
        public boolean claim(String key, long lifespanSeconds) {
            if (isTaken(key)) {
                return false;
            }
            expiries.put(key, clock.get() + lifespanSeconds);
            return true;
        }

        @Override
        public boolean isTaken(String key) {
            Long expiry = expiries.get(key);
            return expiry != null && expiry > clock.get();
        }
    }

    private final AtomicLong clock = new AtomicLong(1_000_040); // 20 s into a 60 s window (1_000_020 = 16_667 * 60)
    private final ExpiringSlots slots = new ExpiringSlots(clock);
    private final WrongUserCodeLimit limit = new WrongUserCodeLimit(slots, "realm.", 5, 60, clock::get);

    private static final List<String> BROWSER_AND_ADDRESS = List.of("browser:b1", "address:10.0.0.1");

    @Test
    void fiveWrongCodesAreAllowedTheSixthEntryWaitsUntilTheWindowEnds() {
        for (int i = 0; i < 4; i++) {
            limit.recordWrong(BROWSER_AND_ADDRESS);
            assertEquals(OptionalLong.empty(), limit.blockedFor(BROWSER_AND_ADDRESS), "after " + (i + 1));
        }
        limit.recordWrong(BROWSER_AND_ADDRESS);

        assertEquals(OptionalLong.of(40), limit.blockedFor(BROWSER_AND_ADDRESS));
    }

    @Test
    void theBlockEndsWithTheWindow() {
        for (int i = 0; i < 5; i++) {
            limit.recordWrong(BROWSER_AND_ADDRESS);
        }
        clock.addAndGet(39);
        assertEquals(OptionalLong.of(1), limit.blockedFor(BROWSER_AND_ADDRESS));

        clock.addAndGet(1);
        assertEquals(OptionalLong.empty(), limit.blockedFor(BROWSER_AND_ADDRESS));
    }

    @Test
    void aBlockedAddressBlocksEveryBrowserBehindIt() {
        for (int i = 0; i < 5; i++) {
            limit.recordWrong(List.of("browser:b" + i, "address:10.0.0.1"));
        }

        assertEquals(OptionalLong.of(40), limit.blockedFor(List.of("browser:fresh", "address:10.0.0.1")));
        assertEquals(OptionalLong.empty(), limit.blockedFor(List.of("browser:fresh", "address:10.0.0.2")));
    }

    @Test
    void aBlockedBrowserStaysBlockedFromAnotherAddress() {
        for (int i = 0; i < 5; i++) {
            limit.recordWrong(List.of("browser:b1", "address:10.0.0." + i));
        }

        assertEquals(OptionalLong.of(40), limit.blockedFor(List.of("browser:b1", "address:10.0.0.99")));
    }

    @Test
    void twoLimitsOnOneStoreShareTheCount() {
        // Two Keycloak nodes: each its own limit object, one cluster-wide store.
        WrongUserCodeLimit otherNode = new WrongUserCodeLimit(slots, "realm.", 5, 60, clock::get);
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? limit : otherNode).recordWrong(BROWSER_AND_ADDRESS);
        }

        assertEquals(OptionalLong.of(40), limit.blockedFor(BROWSER_AND_ADDRESS));
        assertEquals(OptionalLong.of(40), otherNode.blockedFor(BROWSER_AND_ADDRESS));
    }

    @Test
    void realmsCountApart() {
        WrongUserCodeLimit otherRealm = new WrongUserCodeLimit(slots, "other.", 5, 60, clock::get);
        for (int i = 0; i < 5; i++) {
            limit.recordWrong(BROWSER_AND_ADDRESS);
        }

        assertEquals(OptionalLong.empty(), otherRealm.blockedFor(BROWSER_AND_ADDRESS));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new WrongUserCodeLimit(slots, "r.", 0, 60, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new WrongUserCodeLimit(slots, "r.", 5, 0, clock::get));
    }
}
