package io.tidbcloud.api.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user (token subject) who belongs to a project; only members see a project and its clusters. */
@Entity
@Table(name = "project_members")
public class ProjectMember extends PanacheEntityBase {

    public enum Role {
        OWNER,
        MEMBER
    }

    @Id
    public Long id;

    @Column(name = "project_id", nullable = false)
    public Long projectId;

    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
