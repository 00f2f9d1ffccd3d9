package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An API scope a person granted an application, with its consent text.
 *
 * @param scope the scope's value, {@code project:read}
 * @param description what the person granted, {@code View your projects}
 */
@JsonPropertyOrder({"scope", "description"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantedScope(String scope, String description) {}
