package io.tidbcloud.api.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A project of an organization; its members see it (project_members). Names are unique per organization. */
@Entity
@Table(name = "projects")
public class Project extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "org_id", nullable = false)
    public Long orgId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
