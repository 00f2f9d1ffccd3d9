import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * bench/load: N concurrent clients mixing reads, creates, updates, deletes, logins and revocations
 * against the real stack, one phase per N, then the accounting of every cluster. Started by
 * bench/load/run (see README.md) with the settings file it writes. Exits 1 on any error, any cluster
 * not accounted for, or any revocation the API still accepted after the bound.
 */
public class LoadBench {

    /** One phase: N clients for a while, what they measured, and for how long they really ran. */
    record Phase(String name, int clients, double seconds, Stats stats, long maxDue, double maxLagSeconds) {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.load(Path.of(args[0]));
        int largest = settings.phases().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<VirtualClient> clients = IntStream.range(0, largest)
                .mapToObj(i -> new VirtualClient(i, settings))
                .toList();
        // The first revocation the freshly started services see, before any load: it pays their
        // cold start (first connection, first ingest, first feed event), so it is shown on its own.
        Stats cold = new Stats();
        clients.get(0).revokeOnce(cold);
        Stats.Samples first = cold.latencies().get(VirtualClient.TOKEN_REVOCATION);
        System.out.printf(
                "first revocation after the services started, before the load (cold): %s%n",
                first == null ? "not measured" : String.format("%.0f ms%s", first.maxMillis(),
                        first.maxMillis() > settings.revocationBound().toMillis() ? " (over the bound)" : ""));
        List<Phase> all = new ArrayList<>();
        if (!settings.warmup().isZero()) {
            Phase warmup = run("warm-up", clients, largest, settings.warmup(), settings);
            all.add(warmup);
            System.out.printf(
                    "warm-up: %d clients, %.0f s, %d operations, %d errors (counted; not in the figures)%n",
                    largest, warmup.seconds(), warmup.stats().operations(), warmup.stats().errorCount());
        }
        List<Phase> measured = new ArrayList<>();
        for (int n : settings.phases()) {
            Phase phase = run("N=" + n, clients, n, settings.phase(), settings);
            measured.add(phase);
            all.add(phase);
            report(phase);
        }
        scaling(measured);

        Accounting accounting = new Accounting(settings);
        int live = accounting.check(clients);
        int created = clients.stream().mapToInt(c -> c.ledger().created).sum();
        int deleted = clients.stream().mapToInt(c -> c.ledger().deletedClusters.size()).sum();
        System.out.printf(
                "%nclusters: %d created, %d deleted, %d live; the lifecycle work settled %.1f s after the load;"
                        + " API and database then: %s%n",
                created, deleted, live, accounting.settledSeconds(),
                accounting.problems().isEmpty() ? "all accounted for" : "PROBLEMS");
        accounting.problems().forEach(p -> System.out.println("  " + p));

        Stats underLoad = new Stats();
        all.forEach(p -> underLoad.merge(p.stats()));
        Stats everything = new Stats();
        everything.merge(cold);
        everything.merge(underLoad);
        int errors = everything.errorCount();
        System.out.printf("%nerrors over the whole run (cold revocation and warm-up included): %d%n", errors);
        everything.errors().forEach((kind, count) ->
                System.out.printf("  %5d x %s%n        first: %s%n", count, kind, everything.firstAnswers().get(kind)));

        long broken = 0;
        System.out.printf(
                "%nrevocation bound %d ms, under load (warm-up included):%n", settings.revocationBound().toMillis());
        for (String measure : List.of(VirtualClient.TOKEN_REVOCATION, VirtualClient.LOGOUT_REVOCATION)) {
            Stats.Samples samples = underLoad.latencies().get(measure);
            if (samples == null) {
                System.out.printf("  %-40s none measured%n", measure);
                continue;
            }
            long over = samples.countAbove(settings.revocationBound().toNanos());
            broken += over;
            System.out.printf(
                    "  %-40s %4d revocations: p50 %.0f ms, p99 %.0f ms, max %.0f ms; over the bound: %d%n",
                    measure, samples.count(), samples.percentileMillis(50), samples.percentileMillis(99),
                    samples.maxMillis(), over);
        }
        underLoad.notes().forEach(note -> System.out.println("  " + note));
        boolean tokenMeasured = underLoad.latencies().containsKey(VirtualClient.TOKEN_REVOCATION);

        List<String> failures = new ArrayList<>();
        if (errors > 0) {
            failures.add(errors + " errors");
        }
        if (!accounting.problems().isEmpty()) {
            failures.add(accounting.problems().size() + " accounting problems");
        }
        if (broken > 0) {
            failures.add(broken + " revocations over the bound");
        }
        if (!tokenMeasured && settings.mix().getOrDefault(Operation.REVOKE, 0.0) > 0) {
            failures.add("no revocation measured");
        }
        System.out.println();
        System.out.println(failures.isEmpty() ? "RESULT: pass" : "RESULT: FAIL (" + String.join(", ", failures) + ")");
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static Phase run(String name, List<VirtualClient> clients, int n, Duration duration, Settings settings)
            throws InterruptedException, SQLException {
        LifecycleLag lag = new LifecycleLag(settings);
        Instant start = Instant.now();
        Instant deadline = start.plus(duration);
        Stats[] stats = new Stats[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            Stats own = stats[i] = new Stats();
            VirtualClient client = clients.get(i);
            threads[i] = Thread.ofPlatform().name("client-" + i).start(() -> client.runUntil(deadline, own));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
        lag.close();
        Stats merged = new Stats();
        for (Stats own : stats) {
            merged.merge(own);
        }
        return new Phase(name, n, seconds, merged, lag.maxDue(), lag.maxLagSeconds());
    }

    private static void report(Phase phase) {
        Stats stats = phase.stats();
        System.out.printf(
                "%n%s: %d clients for %.1f s: %d operations (%.1f/s), cloud-api %.1f requests/s, %d errors;"
                        + " lifecycle steps due at most %d, the oldest %.1f s late%n",
                phase.name(), phase.clients(), phase.seconds(), stats.operations(),
                stats.operations() / phase.seconds(), apiSamples(stats).count() / phase.seconds(), stats.errorCount(),
                phase.maxDue(), phase.maxLagSeconds());
        System.out.printf("  %-44s %7s %8s %8s %8s%n", "endpoint", "count", "p50 ms", "p99 ms", "max ms");
        for (Map.Entry<String, Stats.Samples> entry : stats.latencies().entrySet()) {
            Stats.Samples s = entry.getValue();
            System.out.printf(
                    "  %-44s %7d %8.1f %8.1f %8.1f%n",
                    entry.getKey(), s.count(), s.percentileMillis(50), s.percentileMillis(99), s.maxMillis());
        }
    }

    /** Each N against N=1 of the same run. */
    private static void scaling(List<Phase> phases) {
        Phase base = phases.stream().filter(p -> p.clients() == 1).findFirst().orElse(phases.get(0));
        double baseRate = base.stats().operations() / base.seconds();
        double baseApiP99 = apiSamples(base.stats()).percentileMillis(99);
        System.out.printf("%nscaling (ratios against N=%d of this run):%n", base.clients());
        System.out.printf(
                "  %3s %9s %7s %11s %8s %8s %8s %7s %22s%n",
                "N", "ops/s", "x", "api req/s", "api p50", "api p99", "p99 x", "errors", "revocation p50/p99/max");
        for (Phase phase : phases) {
            Stats.Samples api = apiSamples(phase.stats());
            Stats.Samples revocations = new Stats.Samples();
            for (String measure : List.of(VirtualClient.TOKEN_REVOCATION, VirtualClient.LOGOUT_REVOCATION)) {
                Stats.Samples s = phase.stats().latencies().get(measure);
                if (s != null) {
                    revocations.addAll(s);
                }
            }
            double rate = phase.stats().operations() / phase.seconds();
            System.out.printf(
                    "  %3d %9.1f %7.2f %11.1f %8.1f %8.1f %8.2f %7d %10s%n",
                    phase.clients(), rate, rate / baseRate, api.count() / phase.seconds(), api.percentileMillis(50),
                    api.percentileMillis(99), api.percentileMillis(99) / baseApiP99, phase.stats().errorCount(),
                    revocations.count() == 0
                            ? "-"
                            : String.format("%.0f/%.0f/%.0f ms (%d)", revocations.percentileMillis(50),
                                    revocations.percentileMillis(99), revocations.maxMillis(), revocations.count()));
        }
    }

    /** Every cloud-api request the mix timed, whatever the endpoint. */
    private static Stats.Samples apiSamples(Stats stats) {
        Stats.Samples api = new Stats.Samples();
        stats.latencies().forEach((endpoint, samples) -> {
            if (endpoint.matches("(GET|POST|PATCH|DELETE) /v1beta1/.*")) {
                api.addAll(samples);
            }
        });
        return api;
    }
}
