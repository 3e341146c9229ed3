package ai.kubernaut.orchestrator.api.v1alpha1;

/** Bad user input in one field; the message reads {@code <field>: <reason>}. */
public class InvalidFieldException extends IllegalArgumentException {

  private final String field;
  private final String reason;

  public InvalidFieldException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The field path, for example {@code spec.timeoutConfig.processing}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field path. */
  public String reason() {
    return reason;
  }
}
