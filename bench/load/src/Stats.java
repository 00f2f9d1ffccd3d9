import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one client measured in one phase: the latency of every answered request by endpoint, and
 * every error by kind (an unexpected status or a failed request) with the first answer of its kind.
 * Each client fills its own; a phase merges them.
 */
final class Stats {

    private final Map<String, Samples> latencies = new TreeMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final Map<String, String> firstAnswers = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private long operations;

    void record(String endpoint, long nanos) {
        latencies.computeIfAbsent(endpoint, e -> new Samples()).add(nanos);
    }

    /** One finished operation of the mix (a login, a read, a create, ...), for the throughput. */
    void operationDone() {
        operations++;
    }

    void error(String kind, String answer) {
        errors.merge(kind, 1, Integer::sum);
        firstAnswers.putIfAbsent(kind, answer.length() <= 300 ? answer : answer.substring(0, 300) + "...");
    }

    /** Something to look at after the run, e.g. when a revocation over the bound happened. */
    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return notes;
    }

    long operations() {
        return operations;
    }

    Map<String, Samples> latencies() {
        return latencies;
    }

    Map<String, Integer> errors() {
        return errors;
    }

    Map<String, String> firstAnswers() {
        return firstAnswers;
    }

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    void merge(Stats other) {
        other.latencies.forEach((endpoint, samples) ->
                latencies.computeIfAbsent(endpoint, e -> new Samples()).addAll(samples));
        other.errors.forEach((kind, count) -> errors.merge(kind, count, Integer::sum));
        other.firstAnswers.forEach(firstAnswers::putIfAbsent);
        notes.addAll(other.notes);
        operations += other.operations;
    }

    /** Latencies in nanoseconds; percentiles by nearest rank. */
    static final class Samples {

        private long[] values = new long[64];
        private int size;
        private boolean sorted;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
            sorted = false;
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int count() {
            return size;
        }

        double percentileMillis(double percent) {
            if (size == 0) {
                return Double.NaN;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            int rank = (int) Math.ceil(percent / 100 * size);
            return values[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
        }

        long countAbove(long nanos) {
            long above = 0;
            for (int i = 0; i < size; i++) {
                if (values[i] > nanos) {
                    above++;
                }
            }
            return above;
        }

        double maxMillis() {
            return percentileMillis(100);
        }
    }
}
