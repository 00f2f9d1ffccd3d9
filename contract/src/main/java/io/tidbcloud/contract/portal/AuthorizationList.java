package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v1/me/authorizations}: the applications the person authorized, by name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationList(List<Authorization> authorizations) {

    public AuthorizationList {
        authorizations = authorizations == null ? List.of() : authorizations;
    }
}
