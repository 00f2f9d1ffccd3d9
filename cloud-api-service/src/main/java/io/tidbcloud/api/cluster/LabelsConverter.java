package io.tidbcloud.api.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/** Stores a cluster's own labels as a JSON object in one column; sorted, so output is stable. */
@Converter
public class LabelsConverter implements AttributeConverter<Map<String, String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(labels == null ? Map.of() : new TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels cannot be written as JSON", e);
        }
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        try {
            return column == null || column.isEmpty() ? new TreeMap<>() : JSON.readValue(column, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored labels are not a JSON object", e);
        }
    }
}
