package io.tidbcloud.api.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A user's organization, created by their first authenticated call; one per owner (unique owner_subject). */
@Entity
@Table(name = "organizations")
public class Organization extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "owner_subject", nullable = false, unique = true)
    public String ownerSubject;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Organization> findByOwner(String subject) {
        return find("ownerSubject", subject).firstResultOptional();
    }
}
