package ai.kubernaut.orchestrator.orchestrator.http;

import java.util.function.BooleanSupplier;

/**
 * One condition of {@code /readyz}: Temporal reachable, Kubernetes reachable, informers synced, the
 * service started. A check that throws counts as not ready.
 */
public interface ReadinessCheck {

  String name();

  Result check() throws Exception;

  record Result(boolean ready, String detail) {
    public static Result ok() {
      return new Result(true, "ok");
    }

    public static Result notReady(String detail) {
      return new Result(false, detail);
    }
  }

  static ReadinessCheck of(String name, BooleanSupplier ready) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Result check() {
        return ready.getAsBoolean() ? Result.ok() : Result.notReady("not ready");
      }
    };
  }
}
