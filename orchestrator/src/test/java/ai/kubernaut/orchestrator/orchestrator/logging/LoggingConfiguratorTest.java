package ai.kubernaut.orchestrator.orchestrator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.orchestrator.config.LogFormat;
import ai.kubernaut.orchestrator.workflows.logging.RemediationMdc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingConfiguratorTest {

  private final PrintStream originalOut = System.out;

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    LoggingConfigurator.configure(LogFormat.TEXT, "INFO");
    MDC.clear();
  }

  @Test
  void jsonFormatWritesOneObjectPerLineWithTheRemediationKeys() throws Exception {
    ByteArrayOutputStream captured = capture();
    LoggingConfigurator.configure(LogFormat.JSON, "INFO");

    MDC.put(RemediationMdc.WORKFLOW_ID, "rr-team-a-disk-full-1234");
    try (var ignored = RemediationMdc.put("team-a", "disk-full")) {
      LoggerFactory.getLogger("test").info("created SignalProcessing {}", "sp-disk-full");
      LoggerFactory.getLogger("test").warn("second line");
    }

    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("level").asText()).isEqualTo("INFO");
    assertThat(first.get("formattedMessage").asText())
        .isEqualTo("created SignalProcessing sp-disk-full");
    assertThat(first.get("mdc").get("rr.namespace").asText()).isEqualTo("team-a");
    assertThat(first.get("mdc").get("rr.name").asText()).isEqualTo("disk-full");
    assertThat(first.get("mdc").get("WorkflowId").asText()).isEqualTo("rr-team-a-disk-full-1234");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("level").asText()).isEqualTo("WARN");
  }

  @Test
  void textFormatShowsTheRemediationAndWorkflow() {
    ByteArrayOutputStream captured = capture();
    LoggingConfigurator.configure(LogFormat.TEXT, "INFO");

    MDC.put(RemediationMdc.WORKFLOW_ID, "wf-1");
    try (var ignored = RemediationMdc.put("team-a", "disk-full")) {
      LoggerFactory.getLogger("test").info("hello");
    }
    MDC.clear();
    LoggerFactory.getLogger("test").info("no context");

    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).contains("rr=team-a/disk-full wf=wf-1 - hello");
    assertThat(lines.get(1))
        .doesNotContain("rr=")
        .doesNotContain("wf=")
        .endsWith("test - no context");
  }

  @Test
  void levelIsApplied() {
    ByteArrayOutputStream captured = capture();
    LoggingConfigurator.configure(LogFormat.TEXT, "WARN");

    LoggerFactory.getLogger("test").info("hidden");
    LoggerFactory.getLogger("test").warn("shown");

    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("shown")
        .doesNotContain("hidden");
  }

  @Test
  void aLogFileTakesEveryLineOffTheConsole(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream captured = capture();
    Path file = dir.resolve("logs").resolve("sandbox.log");
    LoggingConfigurator.configure(LogFormat.TEXT, "INFO", file);

    LoggerFactory.getLogger("test").warn("into the file", new IllegalStateException("boom"));
    LoggingConfigurator.configure(LogFormat.TEXT, "INFO");
    LoggerFactory.getLogger("test").info("back on the console");

    assertThat(Files.readString(file))
        .contains("test - into the file")
        .contains("IllegalStateException: boom")
        .doesNotContain("back on the console");
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .doesNotContain("into the file")
        .contains("back on the console");
  }

  private ByteArrayOutputStream capture() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out;
  }
}
