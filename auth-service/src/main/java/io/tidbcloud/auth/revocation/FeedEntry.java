package io.tidbcloud.auth.revocation;

import io.tidbcloud.contract.revocation.RevocationEvent;

/** A stored revocation and its place in the feed ({@code seq}, the SSE event id). */
public record FeedEntry(long seq, RevocationEvent event) {}
