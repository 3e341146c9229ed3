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
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /**
   * Each fine-grained annotation, how its value is read and what it sets, in the order {@link
   * #annotations()} lists them.
   */
  private static final List<Field<?>> FIELDS =
      List.of(
          new Field<>(
              SIGNAL_PROCESSING,
              raw -> parseValue(SignalProcessingOutcome.class, raw),
              (b, v) -> b.signalProcessing = v),
          new Field<>(
              ANALYSIS, raw -> parseValue(AnalysisOutcome.class, raw), (b, v) -> b.analysis = v),
          new Field<>(
              RECOVERY_ANALYSIS,
              raw -> parseValue(AnalysisOutcome.class, raw),
              (b, v) -> b.recoveryAnalysis = v),
          new Field<>(
              APPROVAL, raw -> parseValue(ApprovalOutcome.class, raw), (b, v) -> b.approval = v),
          new Field<>(
              EXECUTION, raw -> parseValue(ExecutionOutcome.class, raw), (b, v) -> b.execution = v),
          new Field<>(EXECUTION_STEPS, Script::parseSteps, (b, v) -> b.steps = v),
          new Field<>(
              NOTIFICATION,
              raw -> parseValue(NotificationOutcome.class, raw),
              (b, v) -> b.notification = v),
          new Field<>(
              DELAY, raw -> GoDuration.parse(DELAY, raw), (b, v) -> b.delay = Optional.of(v)),
          new Field<>(
              APPROVAL_DELAY,
              raw -> GoDuration.parse(APPROVAL_DELAY, raw),
              (b, v) -> b.approvalDelay = Optional.of(v)));

  private static final List<String> KNOWN_KEYS =
      Stream.concat(Stream.of(SCENARIO), FIELDS.stream().map(Field::key)).toList();

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
    return new Builder().build(List.of());
  }

  /** The script for a preset, before fine-grained annotations. */
  public static Script of(Preset preset) {
    return fromAnnotations(preset.annotations());
  }

  /**
   * Reads the script from an RR's annotations (null means none): the preset's annotations first,
   * then the RR's own, which win. Annotations outside {@link #PREFIX} are ignored; unknown {@code
   * sandbox.kubernaut.ai/} keys and bad values are reported in {@link #problems()}.
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
    Map<String, String> preset =
        parse(ours, SCENARIO, raw -> parseValue(Preset.class, raw), problems)
            .map(Preset::annotations)
            .orElse(Map.of());
    Builder builder = new Builder();
    FIELDS.forEach(field -> field.apply(preset, builder, problems));
    FIELDS.forEach(field -> field.apply(ours, builder, problems));
    for (String key : ours.keySet()) {
      if (!KNOWN_KEYS.contains(key)) {
        problems.add(key + ": unknown annotation (known: " + String.join(", ", KNOWN_KEYS) + ")");
      }
    }
    return builder.build(problems);
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

  /** A script being read: the defaults, then each annotation's value. */
  private static final class Builder {
    SignalProcessingOutcome signalProcessing = SignalProcessingOutcome.SUCCEED;
    AnalysisOutcome analysis = AnalysisOutcome.WORKFLOW;
    AnalysisOutcome recoveryAnalysis = AnalysisOutcome.WORKFLOW;
    ApprovalOutcome approval = ApprovalOutcome.APPROVE;
    ExecutionOutcome execution = ExecutionOutcome.SUCCEED;
    NotificationOutcome notification = NotificationOutcome.SENT;
    int steps = DEFAULT_STEPS;
    Optional<Duration> delay = Optional.empty();
    Optional<Duration> approvalDelay = Optional.empty();

    Script build(List<String> problems) {
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
          problems);
    }
  }

  /** One annotation: its key, how its value is read, and what the value sets. */
  private record Field<V>(String key, Function<String, V> parser, BiConsumer<Builder, V> setter) {

    void apply(Map<String, String> annotations, Builder builder, List<String> problems) {
      parse(annotations, key, parser, problems).ifPresent(v -> setter.accept(builder, v));
    }
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

  /** An annotation value: the constant's name in lower case with dashes ({@code fail-once}). */
  public interface Valued {
    String name();

    default String value() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Presets for {@value #SCENARIO}: each is a set of the fine-grained annotations. */
  public enum Preset implements Valued {
    /** Every step succeeds (the default). */
    SUCCESS(Map.of()),
    /** The first WorkflowExecution fails, the recovery attempt succeeds. */
    RECOVERY(Map.of(EXECUTION, "fail-once")),
    /** The analysis asks for approval, which is granted. */
    APPROVAL(Map.of(ANALYSIS, "approval")),
    /** The analysis asks for approval, which is rejected. */
    APPROVAL_REJECTED(Map.of(ANALYSIS, "approval", Script.APPROVAL, "reject")),
    /** The analysis asks for approval, nobody decides: the request expires. */
    APPROVAL_EXPIRES(Map.of(ANALYSIS, "approval", Script.APPROVAL, "none")),
    /** The WorkflowExecution never finishes; pair with a short timeoutConfig.executing. */
    TIMEOUT(Map.of(EXECUTION, "stuck")),
    /** The analysis finds that nothing needs doing. */
    NO_ACTION(Map.of(ANALYSIS, "workflow-not-needed")),
    /** The analysis cannot pick a workflow and asks for a human. */
    HUMAN_REVIEW(Map.of(ANALYSIS, "human-review")),
    /** SignalProcessing fails. */
    SP_FAILURE(Map.of(SIGNAL_PROCESSING, "fail")),
    /** The AIAnalysis fails. */
    AI_FAILURE(Map.of(ANALYSIS, "fail")),
    /** Every WorkflowExecution fails the same way. */
    WE_FAILURE(Map.of(EXECUTION, "fail")),
    /** The WorkflowExecution is skipped: another remediation holds the target. */
    RESOURCE_BUSY(Map.of(EXECUTION, "skip-resource-busy")),
    /** The WorkflowExecution is skipped: the target was remediated moments ago. */
    RECENTLY_REMEDIATED(Map.of(EXECUTION, "skip-recently-remediated"));

    private final Map<String, String> annotations;

    Preset(Map<String, String> annotations) {
      this.annotations = annotations;
    }

    /** The fine-grained annotations this preset stands for. */
    public Map<String, String> annotations() {
      return annotations;
    }
  }

  /** Values of {@value #SIGNAL_PROCESSING}. */
  public enum SignalProcessingOutcome implements Valued {
    SUCCEED,
    FAIL,
    /** Stays in Enriching. */
    STUCK
  }

  /** Values of {@value #ANALYSIS} and {@value #RECOVERY_ANALYSIS}. */
  public enum AnalysisOutcome implements Valued {
    /** Completed with a selected workflow, no approval needed. */
    WORKFLOW,
    /** Completed with reason WorkflowNotNeeded. */
    WORKFLOW_NOT_NEEDED,
    /** Completed with a selected workflow and approvalRequired. */
    APPROVAL,
    /** Completed with needsHumanReview and no workflow. */
    HUMAN_REVIEW,
    FAIL,
    /** Stays in Investigating. */
    STUCK
  }

  /** Values of {@value #APPROVAL}. */
  public enum ApprovalOutcome implements Valued {
    APPROVE,
    REJECT,
    /** Never decides, so the orchestrator lets the request expire. */
    NONE
  }

  /** Values of {@value #EXECUTION}. */
  public enum ExecutionOutcome implements Valued {
    SUCCEED,
    /** Every attempt fails at the same step, so recovery stops on the repeated pattern. */
    FAIL,
    /** The initial attempt fails, every recovery attempt succeeds. */
    FAIL_ONCE,
    SKIP_RESOURCE_BUSY,
    SKIP_RECENTLY_REMEDIATED,
    /** Starts running and never finishes. */
    STUCK
  }

  /** Values of {@value #NOTIFICATION}. */
  public enum NotificationOutcome implements Valued {
    SENT,
    FAIL
  }
}
