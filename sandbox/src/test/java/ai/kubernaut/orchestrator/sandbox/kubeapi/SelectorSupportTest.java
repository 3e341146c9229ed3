package ai.kubernaut.orchestrator.sandbox.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kubernaut.orchestrator.api.kube.ApiRequest;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class SelectorSupportTest {

  private static ApiRequest get(String uri) {
    return ApiRequest.parse("GET", uri);
  }

  @Test
  void acceptsEqualityAndExistenceLabelRequirements() {
    assertThat(
            SelectorSupport.rejection(
                get(
                    "/api/v1/namespaces/n/pods?labelSelector=a%3Db,c%3D%3Dd,e!%3Df,kubernaut.ai/rr,!g")))
        .isEmpty();
  }

  @Test
  void refusesSetBasedLabelRequirementsNamingThem() {
    assertThat(SelectorSupport.rejection(get("/api/v1/pods?labelSelector=env%20in%20(a,b),x")))
        .hasValueSatisfying(m -> assertThat(m).contains("env in (a,b)").contains("set-based"));
    assertThat(SelectorSupport.rejection(get("/api/v1/pods?labelSelector=env%20notin%20(a)")))
        .isPresent();
  }

  @Test
  void allowsOnlyMetadataFieldSelectorsExceptOnEventLists() {
    assertThat(SelectorSupport.rejection(get("/api/v1/pods?fieldSelector=metadata.name%3Dx")))
        .isEmpty();
    assertThat(SelectorSupport.rejection(get("/api/v1/pods?fieldSelector=spec.nodeName%3Dx")))
        .hasValueSatisfying(
            m -> assertThat(m).contains("field label not supported: spec.nodeName"));
    assertThat(
            SelectorSupport.rejection(
                get(
                    "/api/v1/namespaces/n/events?fieldSelector=involvedObject.name%3Drr-1,involvedObject.kind%3DRemediationRequest")))
        .isEmpty();
    assertThat(
            SelectorSupport.rejection(
                get(
                    "/api/v1/namespaces/n/events?watch=true&fieldSelector=involvedObject.name%3Drr-1")))
        .isPresent();
  }

  @Test
  void filtersEventFieldsItselfAndPassesMetadataFieldsOn() {
    ApiRequest request =
        get(
            "/api/v1/namespaces/n/events?limit=5&fieldSelector=involvedObject.name%3Drr-1,metadata.namespace%3Dn,type!%3DNormal");

    var filters = SelectorSupport.postFilters(request);

    assertThat(filters)
        .containsExactly(
            new SelectorSupport.FieldRequirement("involvedObject.name", false, "rr-1"),
            new SelectorSupport.FieldRequirement("type", true, "Normal"));
    assertThat(SelectorSupport.withoutPostFilters(request))
        .isEqualTo("/api/v1/namespaces/n/events?limit=5&fieldSelector=metadata.namespace%3Dn");
    var event =
        Serialization.jsonMapper()
            .readTree("{\"involvedObject\":{\"name\":\"rr-1\"},\"type\":\"Warning\"}");
    assertThat(filters).allMatch(f -> f.matches(event));
  }
}
