/**
 * The JSON of auth-service's portal API ({@code /v1/me/authorizations}, {@code /v1/me/sessions},
 * {@code /v1/apps}), which auth-service writes and web-portal reads: each record once, here. Times
 * are {@link java.time.Instant}s, written as ISO-8601 strings ({@code "2026-01-01T00:00:00Z"}) by
 * the runtimes' Jackson (Quarkus' with jackson-datatype-jsr310, timestamps off). Lists are never
 * null: a missing or null list reads as empty. Unknown members are ignored when read.
 */
package io.tidbcloud.contract.portal;
