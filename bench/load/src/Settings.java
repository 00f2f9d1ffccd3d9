import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The run's settings, from the properties file bench/load/run writes (secrets stay out of the
 * command line).
 */
record Settings(
        String apiUrl,
        String realmUrl,
        List<ClientCredentials> clients,
        String deviceIdp,
        String deviceUser,
        String devicePassword,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        List<Integer> phases,
        Duration phase,
        Duration warmup,
        Duration revocationBound,
        Map<Operation, Double> mix,
        int maxLiveClusters,
        long seed) {

    /** A throwaway confidential client of realm tidbcloud with the four API scopes. */
    record ClientCredentials(String clientId, String secret) {}

    static final String API_SCOPES = "project:read project:write cluster:read cluster:write";

    static Settings load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        }
        List<ClientCredentials> clients = new ArrayList<>();
        for (int i = 0; p.containsKey("client." + i + ".id"); i++) {
            clients.add(new ClientCredentials(p.getProperty("client." + i + ".id"), p.getProperty("client." + i + ".secret")));
        }
        List<Integer> phases = Arrays.stream(p.getProperty("phases").trim().split("[\\s,]+"))
                .map(Integer::valueOf)
                .toList();
        int largest = phases.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (clients.size() < largest) {
            throw new IllegalArgumentException("phases need " + largest + " clients, the file has " + clients.size());
        }
        Map<Operation, Double> mix = new EnumMap<>(Operation.class);
        for (String entry : p.getProperty("mix").trim().split("[\\s,]+")) {
            String[] pair = entry.split(":");
            mix.put(Operation.valueOf(pair[0].toUpperCase().replace('-', '_')), Double.valueOf(pair[1]));
        }
        return new Settings(
                p.getProperty("api.url"),
                p.getProperty("realm.url"),
                clients,
                p.getProperty("device.idp", "google"),
                p.getProperty("device.user", ""),
                p.getProperty("device.password", ""),
                p.getProperty("jdbc.url"),
                p.getProperty("jdbc.user"),
                p.getProperty("jdbc.password"),
                phases,
                Duration.ofSeconds(Long.parseLong(p.getProperty("phase.seconds"))),
                Duration.ofSeconds(Long.parseLong(p.getProperty("warmup.seconds"))),
                Duration.ofMillis(Long.parseLong(p.getProperty("revocation.bound.ms", "1000"))),
                mix,
                Integer.parseInt(p.getProperty("max.live.clusters", "25")),
                Long.parseLong(p.getProperty("seed", "17")));
    }

    String tokenUrl() {
        return realmUrl + "/protocol/openid-connect/token";
    }

    String revokeUrl() {
        return realmUrl + "/protocol/openid-connect/revoke";
    }
}
