package io.tidbcloud.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidbcloud.api.config.ApiConfig;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The worker's own rules, over a lifecycle that keeps its due clusters in memory: one run takes every
 * due cluster, batch after batch, and still ends when steps stay due or fail.
 */
class ClusterWorkerTest {

    private static final int BATCH = 50;

    @Test
    void moreDueClustersThanOneBatchAreAllAdvancedInOneRun() {
        DueInMemory lifecycle = new DueInMemory(LongStream.rangeClosed(1, 120));

        worker(lifecycle).advanceDueClusters();

        assertThat(lifecycle.advanced).hasSize(120).doesNotHaveDuplicates();
        assertThat(lifecycle.due).isEmpty();
        assertThat(lifecycle.queries).isEqualTo(3);
    }

    @Test
    void stepsThatStayDueEndTheRunAfterEachWasTakenOnce() {
        DueInMemory lifecycle = new DueInMemory(LongStream.rangeClosed(1, BATCH));
        lifecycle.stepsFinish = false;

        worker(lifecycle).advanceDueClusters();

        assertThat(lifecycle.advanced).hasSize(BATCH).doesNotHaveDuplicates();
        assertThat(lifecycle.due).hasSize(BATCH);
    }

    @Test
    void aFailedStepIsRetriedLaterAndTheRunGoesOn() {
        DueInMemory lifecycle = new DueInMemory(LongStream.rangeClosed(1, 60));
        lifecycle.failing = 7;

        worker(lifecycle).advanceDueClusters();

        assertThat(lifecycle.retried).containsExactly(7L);
        assertThat(lifecycle.due).isEmpty();
        assertThat(lifecycle.advanced).hasSize(59).doesNotContain(7L);
    }

    private static ClusterWorker worker(ClusterLifecycle lifecycle) {
        ClusterWorker worker = new ClusterWorker();
        worker.lifecycle = lifecycle;
        worker.config = config(BATCH);
        return worker;
    }

    /** Due clusters oldest first; a finished step is no longer due, a failed one is due later. */
    private static final class DueInMemory extends ClusterLifecycle {

        final Set<Long> due = new LinkedHashSet<>();
        final List<Long> advanced = new ArrayList<>();
        final List<Long> retried = new ArrayList<>();
        boolean stepsFinish = true;
        long failing = -1;
        int queries;

        DueInMemory(LongStream ids) {
            ids.forEach(due::add);
        }

        @Override
        public List<Long> dueClusterIds(Instant now, int limit) {
            queries++;
            return due.stream().limit(limit).toList();
        }

        @Override
        public void advance(long clusterId, Instant now) {
            if (clusterId == failing) {
                throw new IllegalStateException("provisioner unreachable");
            }
            advanced.add(clusterId);
            if (stepsFinish) {
                due.remove(clusterId);
            }
        }

        @Override
        public void retryLater(long clusterId, Instant now) {
            retried.add(clusterId);
            due.remove(clusterId);
        }
    }

    /** Only what the worker reads: the batch size. */
    private static ApiConfig config(int batchSize) {
        ApiConfig.Provisioning provisioning = (ApiConfig.Provisioning) Proxy.newProxyInstance(
                ApiConfig.class.getClassLoader(),
                new Class<?>[] {ApiConfig.Provisioning.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("batchSize")) {
                        return batchSize;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (ApiConfig) Proxy.newProxyInstance(
                ApiConfig.class.getClassLoader(), new Class<?>[] {ApiConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("provisioning")) {
                        return provisioning;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
