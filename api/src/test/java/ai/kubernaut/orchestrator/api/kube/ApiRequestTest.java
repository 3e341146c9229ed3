package ai.kubernaut.orchestrator.api.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

  @Test
  void parsesANamespacedCustomResourceStatusRequestWithAQueryString() {
    ApiRequest r =
        ApiRequest.parse(
            "put",
            "/apis/kubernaut.ai/v1alpha1/namespaces/ns1/remediationrequests/rr-1/status?fieldManager=x");

    assertThat(r.resourceRequest()).isTrue();
    assertThat(r.method()).isEqualTo("PUT");
    assertThat(r.path())
        .isEqualTo("/apis/kubernaut.ai/v1alpha1/namespaces/ns1/remediationrequests/rr-1/status");
    assertThat(r.group()).isEqualTo("kubernaut.ai");
    assertThat(r.version()).isEqualTo("v1alpha1");
    assertThat(r.namespace()).isEqualTo("ns1");
    assertThat(r.resource()).isEqualTo("remediationrequests");
    assertThat(r.name()).isEqualTo("rr-1");
    assertThat(r.isStatus()).isTrue();
    assertThat(r.query()).containsEntry("fieldManager", "x");
    assertThat(r.rbacVerb()).contains("update");
  }

  @Test
  void parsesCoreClusterWideListsAndDecodesSelectors() {
    ApiRequest r = ApiRequest.parse("GET", "/api/v1/events?labelSelector=a%3Db%2Cc&limit=500");

    assertThat(r.group()).isEmpty();
    assertThat(r.namespace()).isNull();
    assertThat(r.resource()).isEqualTo("events");
    assertThat(r.name()).isNull();
    assertThat(r.param("labelSelector")).contains("a=b,c");
    assertThat(r.rbacVerb()).contains("list");
  }

  @Test
  void readsNamespacesAndTheirSubresourcesAsClusterScopedObjects() {
    assertThat(ApiRequest.parse("GET", "/api/v1/namespaces/ns1").name()).isEqualTo("ns1");
    ApiRequest finalize = ApiRequest.parse("PUT", "/api/v1/namespaces/ns1/finalize");
    assertThat(finalize.resource()).isEqualTo("namespaces");
    assertThat(finalize.name()).isEqualTo("ns1");
    assertThat(finalize.subresource()).isEqualTo("finalize");
    assertThat(ApiRequest.parse("GET", "/api/v1/namespaces/ns1/pods").resource()).isEqualTo("pods");
  }

  @Test
  void namesTheRbacVerbOfEachKindOfRequest() {
    String rr = "/apis/kubernaut.ai/v1alpha1/namespaces/ns/remediationrequests";

    assertThat(ApiRequest.parse("GET", rr + "/x").rbacVerb()).contains("get");
    assertThat(ApiRequest.parse("GET", rr + "?watch=true").rbacVerb()).contains("watch");
    assertThat(ApiRequest.parse("POST", rr).rbacVerb()).contains("create");
    assertThat(ApiRequest.parse("PATCH", rr + "/x/status").rbacVerb()).contains("patch");
    assertThat(ApiRequest.parse("DELETE", rr + "/x").rbacVerb()).contains("delete");
    assertThat(ApiRequest.parse("DELETE", rr + "?labelSelector=a").rbacVerb())
        .contains("deletecollection");
  }

  @Test
  void treatsDiscoveryAndVersionAsNonResourceRequests() {
    assertThat(ApiRequest.parse("GET", "/apis/kubernaut.ai/v1alpha1").resourceRequest()).isFalse();
    assertThat(ApiRequest.parse("GET", "/api/v1").resourceRequest()).isFalse();
    assertThat(ApiRequest.parse("GET", "/apis").resourceRequest()).isFalse();
    assertThat(ApiRequest.parse("GET", "/version?timeout=32s").rbacVerb()).isEmpty();
  }
}
