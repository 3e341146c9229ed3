/**
 * Simulated child controllers for the sandbox: SignalProcessing, AIAnalysis, the approver of
 * RemediationApprovalRequests, WorkflowExecution and the notification service, started together by
 * {@link ai.kubernaut.orchestrator.sandbox.controllers.SimulatedControllers}.
 *
 * <p>What they do for the children of an RR is scripted by annotations on the RR (see {@link
 * ai.kubernaut.orchestrator.sandbox.controllers.Script}); without annotations every step succeeds.
 *
 * <table>
 *   <caption>RR annotations</caption>
 *   <tr><th>annotation</th><th>values (default first)</th></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/scenario}</td><td>success, recovery, approval,
 *       approval-rejected, approval-expires, timeout, no-action, human-review, sp-failure,
 *       ai-failure, we-failure, resource-busy, recently-remediated</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/sp}</td><td>succeed, fail, stuck</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/ai}</td><td>workflow, workflow-not-needed, approval,
 *       human-review, fail, stuck</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/ai-recovery}</td><td>as {@code ai}, for recovery
 *       analyses</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/approval}</td><td>approve, reject, none</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/we}</td><td>succeed, fail, fail-once,
 *       skip-resource-busy, skip-recently-remediated, stuck</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/we-steps}</td><td>3 (1 to 20)</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/nr}</td><td>sent, fail</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/delay}</td><td>the configured step delay; a Go duration
 *       such as 200ms or 0</td></tr>
 *   <tr><td>{@code sandbox.kubernaut.ai/approval-delay}</td><td>the step delay</td></tr>
 * </table>
 *
 * <p>For example {@code kubectl annotate rr disk-full sandbox.kubernaut.ai/we=fail-once} before the
 * workflow execution starts makes the first attempt fail at step 2 and the recovery succeed.
 * Controllers follow MockKube3: watch a kind, write the next scripted status through the status
 * subresource, treat 404 and 409 as normal, and never touch a finished child (including one the
 * orchestrator marked Failed).
 */
package ai.kubernaut.orchestrator.sandbox.controllers;
