# syntax=docker/dockerfile:1
# The orchestrator's container image: build with the Maven wrapper on a JDK 17, run the shaded jar
# on a JRE 17 as a non-root numeric user (matches runAsUser 10001 in deploy/base/deployment.yaml,
# so the "restricted" Pod Security Standard and readOnlyRootFilesystem hold).
#
#   docker build -t ghcr.io/kubernaut/kubernaut-orchestrator:0.1.0 .
#
# Not built in this repository's CI sandbox (no Docker engine there); see docs/operations.md.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the wrapper and POMs first, so dependency resolution is cached while sources change
COPY mvnw pom.xml ./
COPY .mvn .mvn
# (every module's POM: the reactor reads them all, even those -pl orchestrator -am does not build)
COPY api/pom.xml api/
COPY gateway/pom.xml gateway/
COPY workflows/pom.xml workflows/
COPY kube-model/pom.xml kube-model/
COPY activities/pom.xml activities/
COPY crd-bridge/pom.xml crd-bridge/
COPY sandbox/pom.xml sandbox/
COPY orchestrator/pom.xml orchestrator/
COPY harness/pom.xml harness/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl orchestrator -am dependency:go-offline || true
COPY . .
# tests run in CI before the image is built; here only the service jar is packaged (the sandbox's
# kubernaut-sandbox.jar, module harness, and its test servers are not built and not in the image)
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -pl orchestrator -am package -DskipTests \
    && cp orchestrator/target/kubernaut-orchestrator.jar /kubernaut-orchestrator.jar

FROM eclipse-temurin:17-jre AS runtime
LABEL org.opencontainers.image.title="kubernaut-orchestrator" \
      org.opencontainers.image.description="Kubernaut Remediation Orchestrator on Temporal" \
      org.opencontainers.image.source="https://github.com/kubernaut/kubernaut-orchestrator"
RUN groupadd --system --gid 10001 kubernaut \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent kubernaut
WORKDIR /app
COPY --from=build --chown=0:0 --chmod=0444 /kubernaut-orchestrator.jar /app/kubernaut-orchestrator.jar
USER 10001:10001
EXPOSE 8080
# heap and temp dir come from JAVA_TOOL_OPTIONS in the Deployment; SIGTERM stops it cleanly (exit 0)
ENTRYPOINT ["java", "-jar", "/app/kubernaut-orchestrator.jar"]
CMD ["run"]
