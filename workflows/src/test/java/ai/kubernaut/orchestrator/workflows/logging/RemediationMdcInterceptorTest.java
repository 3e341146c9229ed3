package ai.kubernaut.orchestrator.workflows.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every line logged from a remediation's workflow threads (main method, signal handler, async child
 * thread, query) and from its activities names the RR in the MDC; a workflow whose ID names no RR
 * gets no RR keys, and the thread's MDC is restored afterwards.
 */
class RemediationMdcInterceptorTest {

  private static final String LOGGER = "mdc-test";
  private static final String QUEUE = "mdc";

  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
          // copied on the logging thread: the event reads the MDC lazily otherwise
          lines.add(new Line(e.getFormattedMessage(), Map.copyOf(e.getMDCPropertyMap())));
        }
      };
  private TestWorkflowEnvironment env;

  record Line(String message, Map<String, String> mdc) {}

  @WorkflowInterface
  public interface LoggingWorkflow {
    @WorkflowMethod
    void run();

    @SignalMethod
    void poke();

    @QueryMethod
    String ask();
  }

  @ActivityInterface
  public interface LoggingActivity {
    void work();
  }

  public static class LoggingWorkflowImpl implements LoggingWorkflow {
    private static final org.slf4j.Logger log = Workflow.getLogger(LOGGER);
    private boolean poked;

    @Override
    public void run() {
      log.info("main");
      Async.procedure(() -> log.info("child thread")).get();
      Workflow.newActivityStub(
              LoggingActivity.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build())
          .work();
      Workflow.await(() -> poked);
      log.info("done");
    }

    @Override
    public void poke() {
      log.info("signal");
      poked = true;
    }

    @Override
    public String ask() {
      log.info("query");
      return "ok";
    }
  }

  public static class LoggingActivityImpl implements LoggingActivity {
    @Override
    public void work() {
      LoggerFactory.getLogger(LOGGER).info("activity");
    }
  }

  @BeforeEach
  void start() {
    appender.start();
    Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    logger.setLevel(Level.INFO);
    logger.addAppender(appender);
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new RemediationMdcInterceptor())
                        .build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(LoggingWorkflowImpl.class);
    worker.registerActivitiesImplementations(new LoggingActivityImpl());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    ((Logger) LoggerFactory.getLogger(LOGGER)).detachAppender(appender);
  }

  @Test
  void everyLineOfARemediationNamesItsRr() {
    run("rr/payments/disk-full-7f3a/uid-1");

    assertThat(lines)
        .extracting(Line::message)
        .contains("main", "child thread", "activity", "signal", "query", "done");
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(l.mdc())
                    .as(l.message())
                    .containsEntry(RemediationMdc.RR_NAMESPACE, "payments")
                    .containsEntry(RemediationMdc.RR_NAME, "disk-full-7f3a"));
  }

  @Test
  void aWorkflowThatIsNoRemediationGetsNoRrKeys() {
    run("lock/Deployment/payments/checkout");

    assertThat(lines).extracting(Line::message).contains("main", "activity", "signal");
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(l.mdc())
                    .as(l.message())
                    .doesNotContainKeys(RemediationMdc.RR_NAMESPACE, RemediationMdc.RR_NAME));
  }

  @Test
  void aScopeRestoresWhatTheKeysHeldBefore() {
    MDC.put(RemediationMdc.RR_NAME, "outer");
    try (RemediationMdc ignored = RemediationMdc.put("ns", "inner", "rr.added")) {
      assertThat(MDC.get(RemediationMdc.RR_NAME)).isEqualTo("inner");
      try (RemediationMdc none = RemediationMdc.forWorkflowId("coord/fp/-")) {
        assertThat(MDC.get(RemediationMdc.RR_NAME)).isEqualTo("inner");
      }
    }
    assertThat(MDC.get(RemediationMdc.RR_NAME)).isEqualTo("outer");
    assertThat(MDC.get(RemediationMdc.RR_NAMESPACE)).isNull();
    assertThat(MDC.get(RemediationMdc.EVENT)).isNull();
    MDC.clear();
  }

  private void run(String workflowId) {
    LoggingWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                LoggingWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build());
    WorkflowClient.start(wf::run);
    env.getWorkflowClient().newUntypedWorkflowStub(workflowId).query("ask", String.class);
    wf.poke();
    env.getWorkflowClient().newUntypedWorkflowStub(workflowId).getResult(Void.class);
  }
}
