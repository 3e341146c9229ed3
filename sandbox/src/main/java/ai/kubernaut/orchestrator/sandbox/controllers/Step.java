package ai.kubernaut.orchestrator.sandbox.controllers;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One scripted status transition of a child: after {@code delay}, {@code write} is applied to a
 * fresh copy of the child and the status is written; {@code afterWrite} runs once the write
 * succeeded.
 *
 * @param description short fact for the log, for example {@code Running 1/3 -> Running 2/3}
 */
record Step<T>(String description, Duration delay, Consumer<T> write, Consumer<T> afterWrite) {

  Step {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(write, "write");
    Objects.requireNonNull(afterWrite, "afterWrite");
  }

  static <T> Step<T> of(String description, Duration delay, Consumer<T> write) {
    return new Step<>(description, delay, write, resource -> {});
  }
}
