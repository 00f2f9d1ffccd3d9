package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An application holding tokens of a session.
 *
 * @param name the client's name; null when it has none
 */
@JsonPropertyOrder({"clientId", "name"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionClient(String clientId, String name) {}
