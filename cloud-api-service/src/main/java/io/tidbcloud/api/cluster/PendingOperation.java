package io.tidbcloud.api.cluster;

/** Lifecycle work a cluster waits for; stored with the cluster so that a restart resumes it. */
public enum PendingOperation {
    CREATE,
    DELETE
}
