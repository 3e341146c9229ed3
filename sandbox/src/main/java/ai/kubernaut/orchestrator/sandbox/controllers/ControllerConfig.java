package ai.kubernaut.orchestrator.sandbox.controllers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the simulated child controllers.
 *
 * @param namespaces namespaces to watch; empty means all namespaces
 * @param stepDelay pause before each scripted status write, unless an RR sets {@code
 *     sandbox.kubernaut.ai/delay}; zero for the benchmark
 * @param threads threads that write status, shared by the five controllers
 * @param resyncPeriod how often the informers replay every object, so a write that failed on a
 *     transient error is tried again; zero disables resync
 * @param clock source of the timestamps written to status and of "now" for deadlines
 */
public record ControllerConfig(
    List<String> namespaces, Duration stepDelay, int threads, Duration resyncPeriod, Clock clock) {

  public static final Duration DEFAULT_STEP_DELAY = Duration.ofMillis(300);
  public static final int DEFAULT_THREADS = 4;
  public static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofSeconds(30);

  public ControllerConfig {
    namespaces = List.copyOf(namespaces);
    Objects.requireNonNull(stepDelay, "stepDelay");
    if (stepDelay.isNegative()) {
      throw new IllegalArgumentException("stepDelay must not be negative, got " + stepDelay);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Objects.requireNonNull(resyncPeriod, "resyncPeriod");
    if (resyncPeriod.isNegative()) {
      throw new IllegalArgumentException("resyncPeriod must not be negative, got " + resyncPeriod);
    }
    Objects.requireNonNull(clock, "clock");
  }

  /** All namespaces, {@link #DEFAULT_STEP_DELAY} between steps, so a person can follow along. */
  public static ControllerConfig defaults() {
    return new ControllerConfig(
        List.of(), DEFAULT_STEP_DELAY, DEFAULT_THREADS, DEFAULT_RESYNC_PERIOD, Clock.systemUTC());
  }

  /** No pause between steps and a thread per core (at least four), for the benchmark. */
  public static ControllerConfig benchmark() {
    return defaults()
        .withStepDelay(Duration.ZERO)
        .withThreads(Math.max(DEFAULT_THREADS, 2 * Runtime.getRuntime().availableProcessors()));
  }

  public boolean watchesAllNamespaces() {
    return namespaces.isEmpty();
  }

  public ControllerConfig withNamespaces(List<String> value) {
    return new ControllerConfig(value, stepDelay, threads, resyncPeriod, clock);
  }

  public ControllerConfig withStepDelay(Duration value) {
    return new ControllerConfig(namespaces, value, threads, resyncPeriod, clock);
  }

  public ControllerConfig withThreads(int value) {
    return new ControllerConfig(namespaces, stepDelay, value, resyncPeriod, clock);
  }

  public ControllerConfig withResyncPeriod(Duration value) {
    return new ControllerConfig(namespaces, stepDelay, threads, value, clock);
  }

  public ControllerConfig withClock(Clock value) {
    return new ControllerConfig(namespaces, stepDelay, threads, resyncPeriod, value);
  }
}
