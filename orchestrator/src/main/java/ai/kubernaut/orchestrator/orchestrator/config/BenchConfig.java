package ai.kubernaut.orchestrator.orchestrator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code bench} command: the sandbox stack driven by generated RemediationRequests.
 *
 * @param remediations RRs to create per profile
 * @param concurrency how many RRs are in flight at once (a new one is created when one ends)
 * @param profiles profile names to run, in order (default, recovery, approval)
 * @param stepDelay pause of the simulated controllers before each status write
 * @param maxDuration wall-clock limit per profile; what did not finish is reported as such
 * @param historySample how many workflows' histories to fetch (evenly spread; 0 = all)
 * @param out where to write the JSON report, or null
 * @param orchestrator the orchestrator's settings (Temporal address replaced by the test server's)
 */
public record BenchConfig(
    int remediations,
    int concurrency,
    List<String> profiles,
    Duration stepDelay,
    Duration maxDuration,
    int historySample,
    Path out,
    OrchestratorConfig orchestrator) {

  public BenchConfig {
    profiles = List.copyOf(profiles);
  }
}
