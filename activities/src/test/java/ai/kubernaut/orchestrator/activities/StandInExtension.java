package ai.kubernaut.orchestrator.activities;

import ai.kubernaut.orchestrator.sandbox.kubeapi.KubernetesApiStandIn;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One strict API stand-in per test class: before the class, its static {@link KubernetesApiStandIn}
 * field gets a started stand-in and each static {@link KubernetesClient} field a client of its own;
 * after the class, watches are dropped and everything is closed.
 */
public final class StandInExtension implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(StandInExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    KubernetesApiStandIn api = StandIn.start();
    List<KubernetesClient> clients = new ArrayList<>();
    context.getStore(NS).put("api", api);
    context.getStore(NS).put("clients", clients);
    for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      field.setAccessible(true);
      if (field.getType() == KubernetesApiStandIn.class) {
        field.set(null, api);
      } else if (field.getType() == KubernetesClient.class) {
        KubernetesClient client = StandIn.client(api);
        clients.add(client);
        field.set(null, client);
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void afterAll(ExtensionContext context) {
    KubernetesApiStandIn api = context.getStore(NS).remove("api", KubernetesApiStandIn.class);
    List<KubernetesClient> clients = context.getStore(NS).remove("clients", List.class);
    api.dropWatches();
    clients.forEach(KubernetesClient::close);
    api.close();
  }
}
