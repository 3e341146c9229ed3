package ai.kubernaut.orchestrator.workflows.model;

/** What happened to one status write, and the sequence stored on the RR afterwards. */
public record StatusWriteResult(Disposition disposition, long storedSequence) {

  public enum Disposition {
    /** Written. */
    APPLIED,
    /** A write with a higher sequence from the same run was already stored; nothing changed. */
    STALE,
    /** The RR no longer exists. */
    GONE
  }
}
