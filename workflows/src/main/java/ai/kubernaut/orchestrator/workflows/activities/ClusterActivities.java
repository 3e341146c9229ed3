package ai.kubernaut.orchestrator.workflows.activities;

import ai.kubernaut.orchestrator.workflows.model.TerminationRate;
import ai.kubernaut.orchestrator.workflows.model.TerminationRateQuery;
import io.temporal.activity.ActivityInterface;

/** Cluster-wide facts a remediation's decisions depend on. */
@ActivityInterface
public interface ClusterActivities {

  /** Failed or timed-out remediations vs all that ended in the window (recovery viability). */
  TerminationRate terminationRate(TerminationRateQuery query);
}
