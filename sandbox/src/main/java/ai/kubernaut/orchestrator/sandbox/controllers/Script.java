package ai.kubernaut.orchestrator.sandbox.controllers;

import ai.kubernaut.orchestrator.api.v1alpha1.GoDuration;
import ai.kubernaut.orchestrator.api.v1alpha1.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the simulated controllers do for the children of one RemediationRequest, read from the RR's
 * {@code sandbox.kubernaut.ai/*} annotations.
 *
 * <p>A preset ({@value #SCENARIO}) sets several steps at once; a fine-grained annotation overrides
 * the preset for its step. Without annotations every step succeeds. Bad values never stop a
 * controller: they fall back to the default and are reported in {@link #problems()}, so a typo in a
 * {@code kubectl annotate} shows up in the sandbox log instead of failing silently.
 *
 * @param signalProcessing outcome of the SignalProcessing
 * @param analysis outcome of the initial AIAnalysis
 * @param recoveryAnalysis outcome of every recovery AIAnalysis ({@code spec.isRecoveryAttempt})
 * @param approval decision on every RemediationApprovalRequest
 * @param execution outcome of the WorkflowExecutions, per attempt (see {@link #executionFor})
 * @param notification outcome of every NotificationRequest
 * @param steps how many steps a WorkflowExecution runs
 * @param delay pause before each status write; empty means the controllers' configured delay
 * @param approvalDelay pause before the approval decision; empty means {@code delay}
 * @param problems annotations that were ignored, with the reason
 */
public record Script(
    SignalProcessingOutcome signalProcessing,
    AnalysisOutcome analysis,
    AnalysisOutcome recoveryAnalysis,
    ApprovalOutcome approval,
    ExecutionOutcome execution,
    NotificationOutcome notification,
    int steps,
    Optional<Duration> delay,
    Optional<Duration> approvalDelay,
    List<String> problems) {

  /** Prefix of every annotation the simulated controllers read. */
  public static final String PREFIX = "sandbox.kubernaut.ai/";

  /** A preset: one of {@link Preset}'s values, for example {@code recovery}. */
  public static final String SCENARIO = PREFIX + "scenario";

  /** SignalProcessing outcome: {@code succeed | fail | stuck}. */
  public static final String SIGNAL_PROCESSING = PREFIX + "sp";

  /**
   * Initial AIAnalysis outcome: {@code workflow | workflow-not-needed | approval | human-review |
   * fail | stuck}.
   */
  public static final String ANALYSIS = PREFIX + "ai";

  /** Recovery AIAnalysis outcome, same values as {@link #ANALYSIS}; default {@code workflow}. */
  public static final String RECOVERY_ANALYSIS = PREFIX + "ai-recovery";

  /** Approval decision: {@code approve | reject | none} (none lets the request expire). */
  public static final String APPROVAL = PREFIX + "approval";

  /**
   * WorkflowExecution outcome: {@code succeed | fail | fail-once | skip-resource-busy |
   * skip-recently-remediated | stuck}.
   */
  public static final String EXECUTION = PREFIX + "we";

  /** Steps per WorkflowExecution, 1 to {@value #MAX_STEPS}; default {@value #DEFAULT_STEPS}. */
  public static final String EXECUTION_STEPS = PREFIX + "we-steps";

  /** NotificationRequest outcome: {@code sent | fail}. */
  public static final String NOTIFICATION = PREFIX + "nr";

  /** Pause before each status write, a Go duration such as {@code 200ms} or {@code 0}. */
  public static final String DELAY = PREFIX + "delay";

  /** Pause before the approval decision, a Go duration; default {@link #DELAY}. */
  public static final String APPROVAL_DELAY = PREFIX + "approval-delay";

  public static final int DEFAULT_STEPS = 3;
  public static final int MAX_STEPS = 20;

  private static final List<String> KNOWN_KEYS =
      List.of(
          SCENARIO,
          SIGNAL_PROCESSING,
          ANALYSIS,
          RECOVERY_ANALYSIS,
          APPROVAL,
          EXECUTION,
          EXECUTION_STEPS,
          NOTIFICATION,
          DELAY,
          APPROVAL_DELAY);

  /** Every annotation the simulated controllers read (docs/sandbox.md lists the same). */
  public static List<String> annotations() {
    return KNOWN_KEYS;
  }

  public Script {
    Objects.requireNonNull(signalProcessing, "signalProcessing");
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(recoveryAnalysis, "recoveryAnalysis");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(notification, "notification");
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException(
          "steps must be between 1 and " + MAX_STEPS + ", got " + steps);
    }
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(approvalDelay, "approvalDelay");
    problems = List.copyOf(problems);
  }

  /** Every step succeeds: the script of an RR without sandbox annotations. */
  public static Script defaults() {
    return new Script(
        SignalProcessingOutcome.SUCCEED,
        AnalysisOutcome.WORKFLOW,
        AnalysisOutcome.WORKFLOW,
        ApprovalOutcome.APPROVE,
        ExecutionOutcome.SUCCEED,
        NotificationOutcome.SENT,
        DEFAULT_STEPS,
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /** The script for a preset, before fine-grained annotations. */
  public static Script of(Preset preset) {
    Script base = defaults();
    return switch (preset) {
      case SUCCESS -> base;
      case RECOVERY -> base.withExecution(ExecutionOutcome.FAIL_ONCE);
      case APPROVAL -> base.withAnalysis(AnalysisOutcome.APPROVAL);
      case APPROVAL_REJECTED ->
          base.withAnalysis(AnalysisOutcome.APPROVAL).withApproval(ApprovalOutcome.REJECT);
      case APPROVAL_EXPIRES ->
          base.withAnalysis(AnalysisOutcome.APPROVAL).withApproval(ApprovalOutcome.NONE);
      case TIMEOUT -> base.withExecution(ExecutionOutcome.STUCK);
      case NO_ACTION -> base.withAnalysis(AnalysisOutcome.WORKFLOW_NOT_NEEDED);
      case HUMAN_REVIEW -> base.withAnalysis(AnalysisOutcome.HUMAN_REVIEW);
      case SIGNAL_PROCESSING_FAILURE -> base.withSignalProcessing(SignalProcessingOutcome.FAIL);
      case ANALYSIS_FAILURE -> base.withAnalysis(AnalysisOutcome.FAIL);
      case EXECUTION_FAILURE -> base.withExecution(ExecutionOutcome.FAIL);
      case RESOURCE_BUSY -> base.withExecution(ExecutionOutcome.SKIP_RESOURCE_BUSY);
      case RECENTLY_REMEDIATED -> base.withExecution(ExecutionOutcome.SKIP_RECENTLY_REMEDIATED);
    };
  }

  /**
   * Reads the script from an RR's annotations (null means none). Annotations outside {@link
   * #PREFIX} are ignored; unknown {@code sandbox.kubernaut.ai/} keys and bad values are reported in
   * {@link #problems()}.
   */
  public static Script fromAnnotations(Map<String, String> annotations) {
    Map<String, String> ours = new TreeMap<>();
    if (annotations != null) {
      annotations.forEach(
          (key, value) -> {
            if (key != null && key.startsWith(PREFIX)) {
              ours.put(key, value == null ? "" : value.trim());
            }
          });
    }
    List<String> problems = new ArrayList<>();
    Script script =
        parse(ours, SCENARIO, Preset::fromValue, problems).map(Script::of).orElse(defaults());
    script =
        parse(ours, SIGNAL_PROCESSING, SignalProcessingOutcome::fromValue, problems)
            .map(script::withSignalProcessing)
            .orElse(script);
    script =
        parse(ours, ANALYSIS, AnalysisOutcome::fromValue, problems)
            .map(script::withAnalysis)
            .orElse(script);
    script =
        parse(ours, RECOVERY_ANALYSIS, AnalysisOutcome::fromValue, problems)
            .map(script::withRecoveryAnalysis)
            .orElse(script);
    script =
        parse(ours, APPROVAL, ApprovalOutcome::fromValue, problems)
            .map(script::withApproval)
            .orElse(script);
    script =
        parse(ours, EXECUTION, ExecutionOutcome::fromValue, problems)
            .map(script::withExecution)
            .orElse(script);
    script =
        parse(ours, EXECUTION_STEPS, Script::parseSteps, problems)
            .map(script::withSteps)
            .orElse(script);
    script =
        parse(ours, NOTIFICATION, NotificationOutcome::fromValue, problems)
            .map(script::withNotification)
            .orElse(script);
    script =
        parse(ours, DELAY, value -> GoDuration.parse(DELAY, value), problems)
            .map(script::withDelay)
            .orElse(script);
    script =
        parse(ours, APPROVAL_DELAY, value -> GoDuration.parse(APPROVAL_DELAY, value), problems)
            .map(script::withApprovalDelay)
            .orElse(script);
    for (String key : ours.keySet()) {
      if (!KNOWN_KEYS.contains(key)) {
        problems.add(key + ": unknown annotation (known: " + String.join(", ", KNOWN_KEYS) + ")");
      }
    }
    return script.withProblems(problems);
  }

  /**
   * The outcome of the WorkflowExecution for {@code attempt} (0 for the initial execution, n for
   * recovery attempt n): {@link ExecutionOutcome#FAIL_ONCE} fails attempt 0 and succeeds after.
   */
  public ExecutionOutcome executionFor(int attempt) {
    if (execution == ExecutionOutcome.FAIL_ONCE) {
      return attempt == 0 ? ExecutionOutcome.FAIL : ExecutionOutcome.SUCCEED;
    }
    return execution;
  }

  /** The AIAnalysis outcome for an initial ({@code false}) or recovery ({@code true}) analysis. */
  public AnalysisOutcome analysisFor(boolean recovery) {
    return recovery ? recoveryAnalysis : analysis;
  }

  /** The pause before a status write, {@code fallback} when the RR does not set one. */
  public Duration delayOr(Duration fallback) {
    return delay.orElse(fallback);
  }

  /** The pause before the approval decision. */
  public Duration approvalDelayOr(Duration fallback) {
    return approvalDelay.orElse(delayOr(fallback));
  }

  public Script withSignalProcessing(SignalProcessingOutcome value) {
    return new Script(
        value,
        analysis,
        recoveryAnalysis,
        approval,
        execution,
        notification,
        steps,
        delay,
        approvalDelay,
        problems);
  }

  public Script withAnalysis(AnalysisOutcome value) {
    return new Script(
        signalProcessing,
        value,
        recoveryAnalysis,
        approval,
        execution,
        notification,
        steps,
        delay,
        approvalDelay,
        problems);
  }

  public Script withRecoveryAnalysis(AnalysisOutcome value) {
    return new Script(
        signalProcessing,
        analysis,
        value,
        approval,
        execution,
        notification,
        steps,
        delay,
        approvalDelay,
        problems);
  }

  public Script withApproval(ApprovalOutcome value) {
    return new Script(
        signalProcessing,
        analysis,
        recoveryAnalysis,
        value,
        execution,
        notification,
        steps,
        delay,
        approvalDelay,
        problems);
  }

  public Script withExecution(ExecutionOutcome value) {
    return new Script(
        signalProcessing,
        analysis,
        recoveryAnalysis,
        approval,
        value,
        notification,
        steps,
        delay,
        approvalDelay,
        problems);
  }

  public Script withNotification(NotificationOutcome value) {
    return new Script(
        signalProcessing,
        analysis,
        recoveryAnalysis,
        approval,
        execution,
        value,
        steps,
        delay,
        approvalDelay,
        problems);
  }

  public Script withSteps(int value) {
    return new Script(
        signalProcessing,
        analysis,
        recoveryAnalysis,
        approval,
        execution,
        notification,
        value,
        delay,
        approvalDelay,
        problems);
  }

  public Script withDelay(Duration value) {
    return new Script(
        signalProcessing,
        analysis,
        recoveryAnalysis,
        approval,
        execution,
        notification,
        steps,
        Optional.of(value),
        approvalDelay,
        problems);
  }

  public Script withApprovalDelay(Duration value) {
    return new Script(
        signalProcessing,
        analysis,
        recoveryAnalysis,
        approval,
        execution,
        notification,
        steps,
        delay,
        Optional.of(value),
        problems);
  }

  private Script withProblems(List<String> value) {
    return new Script(
        signalProcessing,
        analysis,
        recoveryAnalysis,
        approval,
        execution,
        notification,
        steps,
        delay,
        approvalDelay,
        value);
  }

  private static <V> Optional<V> parse(
      Map<String, String> annotations,
      String key,
      Function<String, V> parser,
      List<String> problems) {
    String raw = annotations.get(key);
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(raw));
    } catch (InvalidFieldException e) {
      problems.add(e.getMessage() + " (ignored)");
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage() + " (ignored)");
    }
    return Optional.empty();
  }

  private static int parseSteps(String raw) {
    int steps;
    try {
      steps = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + raw + "\" is not a number");
    }
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("must be between 1 and " + MAX_STEPS + ", got " + steps);
    }
    return steps;
  }

  private static <E extends Enum<E> & Valued> E parseValue(Class<E> type, String raw) {
    String wanted = raw.toLowerCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants())
        .filter(candidate -> candidate.value().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "\""
                        + raw
                        + "\" is not one of "
                        + Arrays.stream(type.getEnumConstants())
                            .map(Valued::value)
                            .collect(Collectors.joining(", "))));
  }

  /** An annotation value. */
  interface Valued {
    String value();
  }

  /** Presets for {@value #SCENARIO}. */
  public enum Preset implements Valued {
    /** Every step succeeds (the default). */
    SUCCESS("success"),
    /** The first WorkflowExecution fails, the recovery attempt succeeds. */
    RECOVERY("recovery"),
    /** The analysis asks for approval, which is granted. */
    APPROVAL("approval"),
    /** The analysis asks for approval, which is rejected. */
    APPROVAL_REJECTED("approval-rejected"),
    /** The analysis asks for approval, nobody decides: the request expires. */
    APPROVAL_EXPIRES("approval-expires"),
    /** The WorkflowExecution never finishes; pair with a short timeoutConfig.executing. */
    TIMEOUT("timeout"),
    /** The analysis finds that nothing needs doing. */
    NO_ACTION("no-action"),
    /** The analysis cannot pick a workflow and asks for a human. */
    HUMAN_REVIEW("human-review"),
    /** SignalProcessing fails. */
    SIGNAL_PROCESSING_FAILURE("sp-failure"),
    /** The AIAnalysis fails. */
    ANALYSIS_FAILURE("ai-failure"),
    /** Every WorkflowExecution fails the same way. */
    EXECUTION_FAILURE("we-failure"),
    /** The WorkflowExecution is skipped: another remediation holds the target. */
    RESOURCE_BUSY("resource-busy"),
    /** The WorkflowExecution is skipped: the target was remediated moments ago. */
    RECENTLY_REMEDIATED("recently-remediated");

    private final String value;

    Preset(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }

    public static Preset fromValue(String raw) {
      return parseValue(Preset.class, raw);
    }
  }

  /** Values of {@value #SIGNAL_PROCESSING}. */
  public enum SignalProcessingOutcome implements Valued {
    SUCCEED("succeed"),
    FAIL("fail"),
    /** Stays in Enriching. */
    STUCK("stuck");

    private final String value;

    SignalProcessingOutcome(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }

    public static SignalProcessingOutcome fromValue(String raw) {
      return parseValue(SignalProcessingOutcome.class, raw);
    }
  }

  /** Values of {@value #ANALYSIS} and {@value #RECOVERY_ANALYSIS}. */
  public enum AnalysisOutcome implements Valued {
    /** Completed with a selected workflow, no approval needed. */
    WORKFLOW("workflow"),
    /** Completed with reason WorkflowNotNeeded. */
    WORKFLOW_NOT_NEEDED("workflow-not-needed"),
    /** Completed with a selected workflow and approvalRequired. */
    APPROVAL("approval"),
    /** Completed with needsHumanReview and no workflow. */
    HUMAN_REVIEW("human-review"),
    FAIL("fail"),
    /** Stays in Investigating. */
    STUCK("stuck");

    private final String value;

    AnalysisOutcome(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }

    public static AnalysisOutcome fromValue(String raw) {
      return parseValue(AnalysisOutcome.class, raw);
    }
  }

  /** Values of {@value #APPROVAL}. */
  public enum ApprovalOutcome implements Valued {
    APPROVE("approve"),
    REJECT("reject"),
    /** Never decides, so the orchestrator lets the request expire. */
    NONE("none");

    private final String value;

    ApprovalOutcome(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }

    public static ApprovalOutcome fromValue(String raw) {
      return parseValue(ApprovalOutcome.class, raw);
    }
  }

  /** Values of {@value #EXECUTION}. */
  public enum ExecutionOutcome implements Valued {
    SUCCEED("succeed"),
    /** Every attempt fails at the same step, so recovery stops on the repeated pattern. */
    FAIL("fail"),
    /** The initial attempt fails, every recovery attempt succeeds. */
    FAIL_ONCE("fail-once"),
    SKIP_RESOURCE_BUSY("skip-resource-busy"),
    SKIP_RECENTLY_REMEDIATED("skip-recently-remediated"),
    /** Starts running and never finishes. */
    STUCK("stuck");

    private final String value;

    ExecutionOutcome(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }

    public static ExecutionOutcome fromValue(String raw) {
      return parseValue(ExecutionOutcome.class, raw);
    }
  }

  /** Values of {@value #NOTIFICATION}. */
  public enum NotificationOutcome implements Valued {
    SENT("sent"),
    FAIL("fail");

    private final String value;

    NotificationOutcome(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }

    public static NotificationOutcome fromValue(String raw) {
      return parseValue(NotificationOutcome.class, raw);
    }
  }
}
