package io.tidbcloud.keycloak.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base20UserCodeProviderTest {

    private final Base20UserCodeProvider codes = new Base20UserCodeProvider();

    @Test
    void generatedCodesAreEightCharactersOfTheBase20Alphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String code = codes.generate();
            assertEquals(8, code.length(), code);
            for (char c : code.toCharArray()) {
                assertTrue(Base20UserCodeProvider.ALPHABET.indexOf(c) >= 0, code + " has " + c);
                seen.add(c);
            }
        }
        assertEquals(20, seen.size(), "every character of the alphabet should turn up in 16,000: " + seen);
    }

    @Test
    void codesAreShownAsTwoGroupsOfFour() {
        assertEquals("BCDF-GHJK", codes.display("BCDFGHJK"));
    }

    @ParameterizedTest(name = "''{0}'' is read as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "BCDF-GHJK|BCDFGHJK",
                "bcdf-ghjk|BCDFGHJK",
                "bcdfghjk|BCDFGHJK",
                "BcDf gHjK|BCDFGHJK",
                "'  bcdf - ghjk  '|BCDFGHJK",
                "BCDF\u2010GHJK|BCDFGHJK",
                "''|''"
            })
    void typedCodesAreReadInAnyCaseWithoutDashesOrSpaces(String typed, String expected) {
        assertEquals(expected, codes.format(typed));
    }

    @Test
    void aShownCodeReadsBackAsTheCode() {
        String code = codes.generate();
        assertEquals(code, codes.format(codes.display(code)));
        assertEquals(code, codes.format(codes.display(code).toLowerCase(java.util.Locale.ROOT)));
    }
}
