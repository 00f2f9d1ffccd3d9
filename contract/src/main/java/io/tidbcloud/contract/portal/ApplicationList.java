package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v1/apps}: the person's own applications, newest first, never with secrets. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationList(List<OAuthApplication> apps) {

    public ApplicationList {
        apps = apps == null ? List.of() : apps;
    }
}
