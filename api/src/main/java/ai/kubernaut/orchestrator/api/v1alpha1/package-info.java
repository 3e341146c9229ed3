/**
 * The {@code kubernaut.ai/v1alpha1} custom resources the orchestrator reads and writes, plus the
 * pure helpers every module shares: {@link ai.kubernaut.orchestrator.api.v1alpha1.ChildNames},
 * {@link ai.kubernaut.orchestrator.api.v1alpha1.Labels}, {@link
 * ai.kubernaut.orchestrator.api.v1alpha1.GoDuration} and {@link
 * ai.kubernaut.orchestrator.api.v1alpha1.RemediationRequestValidator}.
 *
 * <p>Model choices:
 *
 * <ul>
 *   <li>Spec and status classes are JavaBeans with {@code @JsonInclude(NON_NULL)}, so a field that
 *       is absent stays absent through a read-modify-write or a JSON merge patch.
 *   <li>Timestamps are RFC 3339 strings exactly as the API server stores them: they round-trip byte
 *       for byte and need no Jackson time module; parse them with {@code
 *       java.time.OffsetDateTime.parse} where arithmetic is needed.
 *   <li>Durations are Go duration strings ({@code 5m}, {@code 1h30m}) because the Go services of
 *       Kubernaut read and write the same fields; {@link
 *       ai.kubernaut.orchestrator.api.v1alpha1.GoDuration} converts them.
 *   <li>Enums map to the exact Kubernetes strings; an unknown string reads as {@code UNKNOWN}
 *       rather than failing the whole object, and {@code UNKNOWN} is left out of the CRD schema.
 *   <li>Unknown JSON properties are ignored on read so a newer controller's extra fields do not
 *       break this version; the orchestrator patches only the fields it owns, so nothing is lost.
 *   <li>Free-form reasons that other controllers extend over time ({@code failurePhase}, {@code
 *       blockReason}, {@code skipReason}, {@code errorType}) stay strings.
 * </ul>
 */
package ai.kubernaut.orchestrator.api.v1alpha1;
