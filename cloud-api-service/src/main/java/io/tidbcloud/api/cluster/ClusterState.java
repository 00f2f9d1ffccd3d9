package io.tidbcloud.api.cluster;

/** The states a serverless cluster passes through here (TiDB Cloud's {@code commonv1beta1ClusterState}). */
public enum ClusterState {
    CREATING,
    ACTIVE,
    DELETING
}
