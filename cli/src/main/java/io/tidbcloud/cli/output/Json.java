package io.tidbcloud.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * JSON for the CLI: Jackson's tree model ({@link JsonNode}) read and written with jackson-core's streaming
 * parser and generator, never through an {@code ObjectMapper}.
 *
 * <p>Why not the mapper: building the first {@code ObjectMapper} of a JVM runs databind's static set-up
 * (its date format pulls in {@code Calendar}, time zones and locale data), about 35 ms of a cold
 * {@code ticloud project list} that never reads a date (bench/cli-startup). The tree is all the CLI uses;
 * reading and writing it by token is short and gives the same bytes.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The document in {@code text}; a {@link MissingNode} when it is empty. */
    public static JsonNode read(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return read(parser);
        }
    }

    public static JsonNode read(byte[] content) throws IOException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            return read(parser);
        }
    }

    /**
     * The one document {@code parser} holds (any format jackson-core parses: JSON, TOML), as a tree.
     * Content after it is an error, as a second document in an API answer or a file means it is corrupt.
     */
    public static JsonNode read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode document = value(parser, first);
        if (parser.nextToken() != null) {
            throw new IOException("unexpected content after the JSON document at " + parser.currentLocation());
        }
        return document;
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    array.add(value(parser, item));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT ->
                parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                        ? NODES.numberNode(parser.getDecimalValue())
                        : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            // TOML dates and times, when a parser hands them over as objects: their text is what the file says.
            case VALUE_EMBEDDED_OBJECT -> NODES.textNode(String.valueOf(parser.getEmbeddedObject()));
            default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        };
    }

    /**
     * Indented the way ticloud (Go's MarshalIndent) prints JSON: {@code "key": value}, two spaces a level,
     * {@code []} and {@code {}} when empty.
     */
    public static String pretty(JsonNode document) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""));
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        printer.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        return toText(document, printer);
    }

    /** On one line, as request bodies and keyring secrets are sent. */
    public static String compact(JsonNode document) {
        return toText(document, null);
    }

    /** Jackson's default indentation ({@code "key" : value}), UTF-8: the layout of ticloud's files. */
    public static byte[] indentedBytes(JsonNode document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter());
            write(generator, document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
        return bytes.toByteArray();
    }

    private static String toText(JsonNode document, PrettyPrinter printer) {
        Writer text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.setPrettyPrinter(printer);
            write(generator, document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode item : node) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    default -> generator.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case BINARY -> generator.writeBinary(node.binaryValue());
            case NULL -> generator.writeNull();
            // Writing a Java object needs databind's serializers; the CLI's trees hold JSON values only.
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON");
        }
    }
}
