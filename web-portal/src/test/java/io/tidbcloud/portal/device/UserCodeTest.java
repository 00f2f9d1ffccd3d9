package io.tidbcloud.portal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserCodeTest {

    @ParameterizedTest
    @CsvSource({
        "BCDF-GHJK, BCDF-GHJK",
        "bcdf-ghjk, BCDF-GHJK",
        "BCDFGHJK, BCDF-GHJK",
        "bcdfghjk, BCDF-GHJK",
        "'  wxzq-rstv  ', WXZQ-RSTV",
    })
    void aCodeInAnyCaseWithOrWithoutTheDashIsNormalised(String typed, String normalised) {
        assertEquals(normalised, UserCode.parse(typed).orElseThrow().value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "BCDF-GHJ",
                "BCDF-GHJKL",
                "ABCD-EFGH",
                "BCDF-GHJ1",
                "BCD-FGHJK",
                "BCDF_GHJK",
                "BCDF GHJK",
                "BCDF--GHJK"
            })
    void somethingThatCannotBeACodeIsRefused(String typed) {
        assertTrue(UserCode.parse(typed).isEmpty(), typed);
    }
}
