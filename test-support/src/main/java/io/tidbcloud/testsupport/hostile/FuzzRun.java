package io.tidbcloud.testsupport.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a {@link Fuzzer} corpus and judges every answer: a 2xx (the input was valid) or a 4xx
 * with the error body and a message; never a 5xx, never a dropped connection. A request line or
 * headers over the HTTP layer's limits get its bare 414 or 431, counted apart. Prints the seed and
 * the counts by status and by kind of case, and fails listing every wrong answer at once.
 */
public final class FuzzRun {

    /** The seed of a run: {@code -Dtidbcloud.fuzz.seed}, else a fixed one, so that CI runs the same corpus. */
    public static long seed() {
        return Long.getLong("tidbcloud.fuzz.seed", 17L);
    }

    private final String service;
    private final long seed;
    private final List<Fuzzer.Case> cases;
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byKind = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    private FuzzRun(String service, long seed, List<Fuzzer.Case> cases) {
        this.service = service;
        this.seed = seed;
        this.cases = cases;
    }

    public static FuzzRun of(String service, long seed, List<Fuzzer.Case> cases) {
        return new FuzzRun(service, seed, cases);
    }

    public FuzzRun sendTo(String baseUrl) {
        for (Fuzzer.Case fuzzCase : cases) {
            Answer answer = fuzzCase.request().send(baseUrl);
            byStatus.merge(answer.status(), 1, Integer::sum);
            byKind.merge(fuzzCase.kind().replaceAll(" on /.*", ""), 1, Integer::sum);
            if (answer.status() >= 200 && answer.status() < 300) {
                continue;
            }
            if (answer.status() == 414 || answer.status() == 431) {
                // Vert.x's HTTP codec refuses an over-long request line or header block before the
                // service sees a request; its answer has no body and Quarkus offers no hook to add one
                continue;
            }
            answer.clientErrorProblem()
                    .ifPresent(problem -> problems.add(fuzzCase.kind() + ": " + fuzzCase.request() + ": " + problem));
        }
        return this;
    }

    public void assertNoServerErrorAndEveryClientErrorExplained() {
        System.out.printf(
                "fuzz %s: seed %d, %d cases, answers by status %s, cases by kind %s%n",
                service, seed, cases.size(), byStatus, byKind);
        if (cases.size() < 1) {
            throw new AssertionError("the fuzzer generated no case");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " of " + cases.size() + " hostile requests to " + service
                    + " got a wrong answer (seed " + seed + ", -Dtidbcloud.fuzz.seed=" + seed + " replays them):\n"
                    + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
        }
    }
}
