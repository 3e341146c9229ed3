package ai.kubernaut.orchestrator.sandbox.kubeapi;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault rules in front of the stand-in, checked in the order they were added; the first that
 * matches (and wins its probability draw, from a seeded {@link Random}) applies. Thread-safe.
 */
public final class FaultRules {

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final Random random;

  FaultRules(long seed) {
    this.random = new Random(seed);
  }

  /** Adds a rule and returns it (keep it to {@link #remove} it or read its hits). */
  public FaultRule add(FaultRule rule) {
    rules.add(rule);
    return rule;
  }

  /** Removes a rule; true if it was present. */
  public boolean remove(FaultRule rule) {
    return rules.remove(rule);
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  /** The rules in order. */
  public List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  /** Reseeds the random source used for probabilities. */
  public void reseed(long seed) {
    synchronized (random) {
      random.setSeed(seed);
    }
  }

  Optional<FaultRule> match(ApiRequest request) {
    for (FaultRule rule : rules) {
      if (!rule.matches(request)) {
        continue;
      }
      if (rule.chance() < 1.0) {
        double draw;
        synchronized (random) {
          draw = random.nextDouble();
        }
        if (draw >= rule.chance()) {
          continue;
        }
      }
      if (rule.claim()) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}
