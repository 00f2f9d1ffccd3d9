package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v1/me/sessions}: the person's sessions, newest activity first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionList(List<PersonSession> sessions) {

    public SessionList {
        sessions = sessions == null ? List.of() : sessions;
    }
}
