package ai.kubernaut.orchestrator.orchestrator.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * The process's one Prometheus registry, with JVM and process metrics bound. The orchestrator's own
 * {@code kubernaut_remediationorchestrator_*} meters and the Temporal SDK's worker metrics are
 * registered on the same registry; tags never carry RR names or workflow IDs.
 */
public final class MeterRegistries {

  private MeterRegistries() {}

  /** A registry whose GC binder is closed when the registry is closed. */
  public static PrometheusMeterRegistry prometheus(List<Tag> commonTags) {
    JvmGcMetrics gc = new JvmGcMetrics();
    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) {
          @Override
          public void close() {
            gc.close();
            super.close();
          }
        };
    registry
        .config()
        .commonTags(commonTags)
        .meterFilter(new TemporalRequestTags())
        .meterFilter(new DurationBuckets());
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    gc.bindTo(registry);
    return registry;
  }

  public static PrometheusMeterRegistry prometheus() {
    return prometheus(List.of());
  }
}
