package ai.kubernaut.orchestrator.workflows.routing;

import ai.kubernaut.orchestrator.workflows.activities.RoutingActivities;
import ai.kubernaut.orchestrator.workflows.model.WorkflowWatch;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Workflow-side helper of the coordination workflows: watches one remediation workflow through the
 * {@code awaitWorkflowClosed} activity and calls back when it has closed. Each attempt of the
 * activity takes one short look; while the workflow runs it fails retryably, so the retry policy
 * below (1 s doubling to 1 min, attempts unlimited) is the polling schedule, kept by the server
 * without history events or a worker slot between looks. Cancelled once the remediation released
 * normally.
 */
final class RoutingWatch {

  static final ActivityOptions WATCH =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  private RoutingWatch() {}

  /** A running watch: cancel it with {@link #cancel}, it is over once {@link #done} is true. */
  record Handle(CancellationScope scope, Promise<Void> promise) {
    void cancel() {
      scope.cancel();
    }

    boolean done() {
      return promise.isCompleted();
    }
  }

  /**
   * Starts a watch of {@code workflowId}; {@code onClosed} runs in the workflow when it closed. A
   * cancelled watch waits until the activity acknowledged the cancel, so the owning workflow closes
   * only without pending watch activities (see {@link Handle#done}).
   */
  static Handle start(String workflowId, Consumer<String> onClosed) {
    RoutingActivities act =
        Workflow.newActivityStub(
            RoutingActivities.class,
            ActivityOptions.newBuilder(WATCH).setSummary("watch " + workflowId).build());
    @SuppressWarnings("unchecked")
    Promise<Void>[] promise = new Promise[1];
    CancellationScope scope =
        Workflow.newCancellationScope(
            () ->
                promise[0] =
                    Async.procedure(
                        () -> {
                          try {
                            act.awaitWorkflowClosed(new WorkflowWatch(workflowId));
                          } catch (CanceledFailure e) {
                            return;
                          } catch (RuntimeException e) {
                            if (CancellationScope.current().isCancelRequested()) {
                              return;
                            }
                            throw e;
                          }
                          if (!CancellationScope.current().isCancelRequested()) {
                            onClosed.accept(workflowId);
                          }
                        }));
    scope.run();
    return new Handle(scope, promise[0]);
  }
}
