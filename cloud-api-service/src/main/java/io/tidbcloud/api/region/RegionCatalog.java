package io.tidbcloud.api.region;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The regions clusters can be created in. The catalogue changes only with a migration, so it is
 * read from the database once and then kept in memory.
 */
@ApplicationScoped
public class RegionCatalog {

    private volatile Catalog catalog;

    public List<RegionView> all() {
        return catalog().ordered();
    }

    /** The region with this name ({@code regions/aws-us-east-1}), if the catalogue has it. */
    public Optional<Region> find(String name) {
        return Optional.ofNullable(catalog().byName().get(name));
    }

    private Catalog catalog() {
        Catalog loaded = catalog;
        if (loaded == null) {
            loaded = load();
            catalog = loaded;
        }
        return loaded;
    }

    private static Catalog load() {
        List<Region> regions = QuarkusTransaction.requiringNew()
                .call(() -> Region.<Region>find("order by sortOrder, name").list());
        return new Catalog(
                regions.stream().map(RegionView::of).toList(),
                regions.stream().collect(Collectors.toUnmodifiableMap(r -> r.name, Function.identity())));
    }

    record Catalog(List<RegionView> ordered, Map<String, Region> byName) {}
}
