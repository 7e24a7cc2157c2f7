# The ecostream CLI (simulate, run, tail, ...) as an image; docker-compose.yml runs it against a real broker.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/cli/target/ecostream-cli.jar /app/ecostream-cli.jar
COPY --from=build /src/cli/target/lib /app/lib
ENTRYPOINT ["java", "-Xmx512m", "-cp", "/app/ecostream-cli.jar:/app/lib/*", "io.ecostream.cli.EcostreamCli"]
