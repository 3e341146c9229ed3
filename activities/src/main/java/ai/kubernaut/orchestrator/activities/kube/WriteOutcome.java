package ai.kubernaut.orchestrator.activities.kube;

/** What a create-or-adopt call did. */
public enum WriteOutcome {
  /** The object did not exist and was created by this call. */
  CREATED,
  /**
   * An object with the same name already existed and is controlled by this RR (an earlier attempt
   * of the same activity, or an earlier run before a reset, created it): it is used as it is.
   */
  ADOPTED,
  /**
   * An object with the same name already existed and is not meant to be owned (a
   * NotificationRequest, which outlives the RR): it is used as it is.
   */
  UNCHANGED;

  /** The metric tag value. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
