package io.tidbcloud.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scope an endpoint needs in the access token's {@code scope} claim. Checked for every
 * request by {@link AccessFilter}; a token without it gets 403 {@code insufficient_scope}.
 * On a method it overrides one on the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {

    /** A scope of realm {@code tidbcloud}, e.g. {@code project:read}. */
    String value();
}
