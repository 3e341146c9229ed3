package ai.kubernaut.orchestrator.workflows;

import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps an activity stub so that each call runs to its end even when the remediation is cancelled
 * meanwhile (in a detached cancellation scope: no cancel command is sent for it), and a cancel that
 * arrived during the call takes effect right after it, before the next step. The compensation then
 * sees what the call made (docs/architecture.md, "Activity cancellation").
 */
final class FinishThenCancel {

  private FinishThenCancel() {}

  @SuppressWarnings("unchecked")
  static <T> T wrap(Class<T> type, T stub) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> call(stub, method, args));
  }

  private static Object call(Object stub, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return invoke(stub, method, args);
    }
    Object[] result = new Object[1];
    Workflow.newDetachedCancellationScope(() -> result[0] = invoke(stub, method, args)).run();
    if (CancellationScope.current().isCancelRequested()) {
      throw new CanceledFailure("remediation cancelled");
    }
    return result[0];
  }

  private static Object invoke(Object stub, Method method, Object[] args) {
    try {
      return method.invoke(stub, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
