package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code POST /v1/apps/{clientId}/secret}'s answer: a web application's new secret; the old one no longer works. */
@JsonPropertyOrder({"clientId", "clientSecret"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientSecret(String clientId, String clientSecret) {}
