package ai.kubernaut.orchestrator.workflows;

import static ai.kubernaut.orchestrator.workflows.RemediationSupport.blankToNull;

import ai.kubernaut.orchestrator.workflows.model.ChildStatus;
import ai.kubernaut.orchestrator.workflows.model.RemediationSnapshot;

/**
 * What the later children are created from: the completed SignalProcessing and AIAnalysis, and the
 * environment and priority (from the spec, else from the SignalProcessing's classification).
 * Changed by {@link ChildReactions}.
 */
final class AnalysisContext {
  private String signalProcessingName;
  private String analysisName;
  private String environment;
  private String priority;

  AnalysisContext(RemediationSnapshot snapshot) {
    environment = snapshot == null ? null : blankToNull(snapshot.environment());
    priority = snapshot == null ? null : blankToNull(snapshot.priority());
  }

  String signalProcessingName() {
    return signalProcessingName;
  }

  String analysisName() {
    return analysisName;
  }

  String environment() {
    return environment;
  }

  String priority() {
    return priority;
  }

  /** The SignalProcessing completed: its classification fills what the spec left open. */
  void signalProcessed(ChildStatus s) {
    signalProcessingName = s.name();
    if (s.classification() != null) {
      if (environment == null) {
        environment = blankToNull(s.classification().environment());
      }
      if (priority == null) {
        priority = blankToNull(s.classification().priority());
      }
    }
  }

  void analysed(String name) {
    analysisName = name;
  }

  void restore(String sp, String ai, String env, String prio) {
    signalProcessingName = sp;
    analysisName = ai;
    environment = env;
    priority = prio;
  }
}
