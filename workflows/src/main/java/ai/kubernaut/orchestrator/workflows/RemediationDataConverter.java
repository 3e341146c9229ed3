package ai.kubernaut.orchestrator.workflows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * The one data converter of the project: every WorkflowClient and worker (orchestrator, bridge,
 * sandbox, tests, replay) uses it. Temporal's JSON converter with java.time written as ISO-8601
 * strings ({@code "2025-01-01T10:00:00Z"}, {@code "PT5M"}), so histories and {@code state} query
 * output read well, and unknown properties ignored, so a record that gains a component still reads
 * old payloads and histories.
 */
public final class RemediationDataConverter {

  private static final DataConverter INSTANCE =
      DefaultDataConverter.newDefaultInstance()
          .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(objectMapper()));

  private RemediationDataConverter() {}

  /** The shared, immutable converter. */
  public static DataConverter get() {
    return INSTANCE;
  }

  /** A new ObjectMapper configured like the converter's (for tools that print payloads). */
  public static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }
}
