# syntax=docker/dockerfile:1
# The ecostream CLI (simulate, run, tail, ...) as an image; docker-compose.yml runs it against a real broker.
# The build stage downloads the dependencies with Maven; CI builds the same jars with mvn alone.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The local Maven repository is a build cache: a rebuild after a change downloads nothing again.
RUN --mount=type=cache,target=/var/cache/maven mvn -q -B -Dmaven.repo.local=/var/cache/maven -DskipTests package

# The Ubuntu image of Temurin: it has curl, which the healthcheck in docker-compose.yml runs.
FROM eclipse-temurin:17-jre-noble
WORKDIR /app
# The layout of cli/target, which the launcher runs too: the jar, and its runtime dependencies in lib/.
COPY --from=build /src/cli/target/ecostream-cli.jar /app/ecostream-cli.jar
COPY --from=build /src/cli/target/lib /app/lib
# GET /metrics and GET /health of 'run'
EXPOSE 9464
ENTRYPOINT ["java", "-Xmx512m", "-cp", "/app/ecostream-cli.jar:/app/lib/*", "io.ecostream.cli.EcostreamCli"]
