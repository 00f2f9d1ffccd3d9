# One image recipe for the three Quarkus services (fast-jar layout, as the Dockerfile.jvm that
# Quarkus generates), so that `docker compose build` works without Jib. Build from the repository
# root after `./mvnw -pl cloud-api-service,auth-service,web-portal -am package -DskipTests`:
#
#   docker build -f infra/docker/quarkus-jvm.Dockerfile --build-arg MODULE=auth-service \
#     -t ghcr.io/tidbcloud/auth-service:0.1.0 .
FROM registry.access.redhat.com/ubi9/openjdk-21-runtime:1.24
ARG MODULE
ENV LANGUAGE='en_US:en'
COPY --chown=185 ${MODULE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ${MODULE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ${MODULE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ${MODULE}/target/quarkus-app/quarkus/ /deployments/quarkus/
USER 185
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
ENTRYPOINT ["/opt/jboss/container/java/run/run-java.sh"]
