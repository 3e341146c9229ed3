package ai.kubernaut.orchestrator.workflows;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The custom search attributes of SPEC §8. The orchestrator (and the sandbox / tests) register
 * {@link #DEFINITIONS} at startup when missing; the workflow upserts them at every transition.
 */
public final class RemediationSearchAttributes {

  public static final SearchAttributeKey<String> PHASE =
      SearchAttributeKey.forKeyword("RemediationPhase");
  public static final SearchAttributeKey<String> OUTCOME =
      SearchAttributeKey.forKeyword("RemediationOutcome");
  public static final SearchAttributeKey<String> SIGNAL_FINGERPRINT =
      SearchAttributeKey.forKeyword("SignalFingerprint");
  public static final SearchAttributeKey<String> SIGNAL_NAME =
      SearchAttributeKey.forKeyword("SignalName");
  public static final SearchAttributeKey<String> TARGET_RESOURCE =
      SearchAttributeKey.forKeyword("TargetResource");
  public static final SearchAttributeKey<String> TARGET_NAMESPACE =
      SearchAttributeKey.forKeyword("TargetNamespace");
  public static final SearchAttributeKey<String> ENVIRONMENT =
      SearchAttributeKey.forKeyword("Environment");
  public static final SearchAttributeKey<String> SEVERITY =
      SearchAttributeKey.forKeyword("Severity");
  public static final SearchAttributeKey<String> PRIORITY =
      SearchAttributeKey.forKeyword("Priority");
  public static final SearchAttributeKey<Long> RECOVERY_ATTEMPTS =
      SearchAttributeKey.forLong("RecoveryAttempts");

  /** Name to type, in SPEC order: what to register on the Temporal namespace. */
  public static final Map<String, IndexedValueType> DEFINITIONS;

  static {
    Map<String, IndexedValueType> m = new LinkedHashMap<>();
    for (SearchAttributeKey<?> k :
        new SearchAttributeKey<?>[] {
          PHASE,
          OUTCOME,
          SIGNAL_FINGERPRINT,
          SIGNAL_NAME,
          TARGET_RESOURCE,
          TARGET_NAMESPACE,
          ENVIRONMENT,
          SEVERITY,
          PRIORITY,
          RECOVERY_ATTEMPTS
        }) {
      m.put(k.getName(), k.getValueType());
    }
    DEFINITIONS = java.util.Collections.unmodifiableMap(m);
  }

  private RemediationSearchAttributes() {}
}
