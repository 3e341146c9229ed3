package ai.kubernaut.orchestrator.orchestrator.config;

import java.time.Duration;

/**
 * Leader election for the CRD bridge on a {@code coordination.k8s.io} Lease.
 *
 * @param leaseNamespace null means the client's namespace (the pod's own namespace in-cluster)
 * @param identity this replica's holder identity (pod name or host name)
 */
public record LeaderElectionConfig(
    boolean enabled,
    String leaseName,
    String leaseNamespace,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {}
