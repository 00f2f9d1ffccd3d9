package io.tidbcloud.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on the pages: {@code {when:show(instant)}}, in UTC to the minute; "never" for none. */
public final class TimeFormat {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TimeFormat() {}

    @TemplateExtension(namespace = "when")
    static String show(Instant instant) {
        return instant == null ? "never" : MINUTES.format(instant);
    }

    /** The machine-readable form, for {@code <time datetime>}. */
    @TemplateExtension(namespace = "when")
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
