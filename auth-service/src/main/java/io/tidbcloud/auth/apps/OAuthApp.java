package io.tidbcloud.auth.apps;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tidbcloud.contract.portal.ApplicationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A registered application: its Keycloak client id and owner (table {@code oauth_app}, Flyway V3). */
@Entity
@Table(name = "oauth_app")
public class OAuthApp extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;

    /** The owner's Keycloak user id ({@code sub}). */
    public String owner;

    public String name;

    @Enumerated(EnumType.STRING)
    public ApplicationKind kind;

    public String homepage;

    public Instant created;

    public static List<OAuthApp> ownedBy(String owner) {
        return list("owner = ?1 order by created desc, clientId", owner);
    }

    public static long countOwnedBy(String owner) {
        return count("owner", owner);
    }

    /** The owner's app of that client id; empty for any other client, theirs or not, or none. */
    public static Optional<OAuthApp> findOwned(String owner, String clientId) {
        if (clientId == null || clientId.chars().anyMatch(Character::isISOControl)) {
            // no client id holds a control character; PostgreSQL would refuse a NUL in the query
            return Optional.empty();
        }
        return find("clientId = ?1 and owner = ?2", clientId, owner).firstResultOptional();
    }
}
