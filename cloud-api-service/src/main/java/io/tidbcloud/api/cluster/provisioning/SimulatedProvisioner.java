package io.tidbcloud.api.cluster.provisioning;

import io.quarkus.arc.DefaultBean;
import io.tidbcloud.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The default provisioner, for a cloud without machines to provision: a cluster is ready a fixed
 * delay after its creation started (deleted a delay after its deletion started), with a public
 * endpoint named like TiDB Cloud's ({@code gateway01.us-east-1.prod.aws.tidbcloud.com:4000}) and a
 * random user prefix. Another {@link ClusterProvisioner} bean replaces it.
 */
@ApplicationScoped
@DefaultBean
public class SimulatedProvisioner implements ClusterProvisioner {

    private static final String PREFIX_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int PREFIX_LENGTH = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ApiConfig config;

    @Override
    public CreateProgress create(Task task) {
        Instant ready = task.startedAt().plus(config.provisioning().createDelay());
        if (task.now().isBefore(ready)) {
            return new Pending(ready);
        }
        String host = config.provisioning()
                .publicHost()
                .replace("{region}", task.regionCode())
                .replace("{provider}", task.cloudProvider());
        return new Created(host, config.provisioning().publicPort(), userPrefix());
    }

    @Override
    public DeleteProgress delete(Task task) {
        Instant gone = task.startedAt().plus(config.provisioning().deleteDelay());
        return task.now().isBefore(gone) ? new Pending(gone) : new Deleted();
    }

    private static String userPrefix() {
        StringBuilder prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        return prefix.toString();
    }
}
