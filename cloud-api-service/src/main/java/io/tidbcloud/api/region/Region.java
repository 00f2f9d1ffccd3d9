package io.tidbcloud.api.region;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A region clusters can be created in; the catalogue is seeded by a migration. */
@Entity
@Table(name = "regions")
public class Region extends PanacheEntityBase {

    /** {@code regions/aws-us-east-1}. */
    @Id
    public String name;

    /** {@code aws-us-east-1}. */
    @Column(name = "region_id", nullable = false)
    public String regionId;

    /** {@code aws}, {@code gcp} or {@code azure}. */
    @Column(name = "cloud_provider", nullable = false)
    public String cloudProvider;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** The provider's own code of the region: {@code us-east-1} for {@code aws-us-east-1}. */
    public String code() {
        return regionId.substring(cloudProvider.length() + 1);
    }
}
