package io.tidbcloud.api.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A serverless cluster of a project. Its pending lifecycle work (create or delete), when that work
 * started and when to look at it again live in the same row, so no work is lost with a restart.
 */
@Entity
@Table(name = "clusters")
public class Cluster extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "project_id", nullable = false)
    public Long projectId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** {@code regions/aws-us-east-1}. */
    @Column(name = "region_name", nullable = false)
    public String regionName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClusterState state;

    @Column(nullable = false)
    public String version;

    @Column(name = "user_prefix")
    public String userPrefix;

    @Column(name = "public_host")
    public String publicHost;

    @Column(name = "public_port")
    public Integer publicPort;

    /** The cluster's own labels; the {@code tidb.cloud/...} ones are derived, never stored. */
    @Convert(converter = LabelsConverter.class)
    @Column(nullable = false)
    public Map<String, String> labels = new TreeMap<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "pending_operation")
    public PendingOperation pendingOperation;

    @Column(name = "operation_started_at")
    public Instant operationStartedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(nullable = false)
    public int attempts;

    /** Queues lifecycle work for the worker, due at once. */
    void schedule(PendingOperation operation, Instant now) {
        pendingOperation = operation;
        operationStartedAt = now;
        dueAt = now;
        attempts = 0;
    }

    void clearPendingWork() {
        pendingOperation = null;
        operationStartedAt = null;
        dueAt = null;
        attempts = 0;
    }
}
