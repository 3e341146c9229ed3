package ai.kubernaut.orchestrator.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.harness.SandboxMain;
import ai.kubernaut.orchestrator.orchestrator.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small {@code bench} run through the command line: checks that the report is complete for every
 * profile, not how fast anything was (docs/performance.md has the real run).
 */
class BenchSmokeIT {

  @Test
  void benchReportsEveryFigureForEveryProfile(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("bench.json");

    int code =
        SandboxMain.execute(
            "bench",
            "--remediations=50",
            "--concurrency=50",
            "--profile=all",
            "--max-duration=3m",
            "--history-sample=50",
            "--out=" + json);

    BenchReport report = BenchReport.readJson(json);
    System.out.println(Files.readString(json).length() + " bytes of JSON; table:");
    System.out.print(report.table());
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(report.missing()).isEmpty();
    assertThat(report.profiles())
        .extracting(BenchReport.ProfileResult::profile)
        .containsExactly("default", "recovery", "approval");
    assertThat(report.profiles())
        .allSatisfy(
            p -> {
              assertThat(p.completed()).isEqualTo(50);
              assertThat(p.expectedOutcomes()).isEqualTo(50);
              assertThat(p.historyEvents().sampled()).isEqualTo(50);
              assertThat(p.apiDesignMinimumByVerb()).containsKeys("create", "update+patch");
            });
  }
}
