package io.tidbcloud.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    /** Every kind of value an API answer holds, with numbers at the edges of their types. */
    private static final String DOCUMENT = """
            {"id":"1","count":7,"big":9007199254740993,"huge":123456789012345678901234567890,\
            "ratio":0.25,"tiny":1.0E-7,"on":true,"off":false,"none":null,"text":"é \\"quoted\\" \\u0001",\
            "nested":{"empty":{},"list":[]},"items":[1,"two",{"three":3}]}""";

    @Test
    void readsAndWritesTheSameTreeAsJacksonsObjectMapper() throws IOException {
        ObjectMapper mapper = new ObjectMapper(); // the reference this replaces on the CLI's paths

        JsonNode read = Json.read(DOCUMENT);

        assertEquals(mapper.readTree(DOCUMENT), read);
        assertEquals(mapper.writeValueAsString(mapper.readTree(DOCUMENT)), Json.compact(read));
        assertEquals(
                new String(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(read), StandardCharsets.UTF_8),
                new String(Json.indentedBytes(read), StandardCharsets.UTF_8));
    }

    @Test
    void prettyIsIndentedLikeGoMarshalIndent() throws IOException {
        assertEquals(
                """
                {
                  "name": "db",
                  "port": 4000,
                  "labels": {
                    "team": "data"
                  },
                  "zones": [
                    "a",
                    "b"
                  ],
                  "clusters": [],
                  "endpoints": {}
                }""".replace("\n", System.lineSeparator()),
                Json.pretty(Json.read("{\"name\":\"db\",\"port\":4000,\"labels\":{\"team\":\"data\"},"
                        + "\"zones\":[\"a\",\"b\"],\"clusters\":[],\"endpoints\":{}}")));
    }

    @Test
    void aJavaObjectInTheTreeIsRefusedNotWrittenAsNull() {
        var document = Json.object().putPOJO("scopes", java.util.List.of("openid"));

        assertThrows(IllegalArgumentException.class, () -> Json.pretty(document));
    }

    @Test
    void anEmptyDocumentIsMissingNotAnError() throws IOException {
        assertTrue(Json.read("").isMissingNode());
        assertTrue(Json.read("  \n").isMissingNode());
    }

    @Test
    void brokenOrTrailingContentIsAnError() {
        assertThrows(IOException.class, () -> Json.read("{\"a\":"));
        assertThrows(IOException.class, () -> Json.read("{\"a\":1}{\"b\":2}"));
        assertThrows(IOException.class, () -> Json.read("{\"a\":1} x"));
        assertThrows(IOException.class, () -> Json.read("<html>502 Bad Gateway</html>"));
    }
}
