package dev.newsdesk.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No Docker engine runs here, so the Dockerfiles are read, not built: each image must run
 * as the non-root user the pods declare (1001), listen on the pod port, the JVM ones start as
 * everything else starts a service ({@code java @jvm.args -jar quarkus-run.jar}), and the native
 * one must compile in the Mandrel builder stage.
 */
class ContainerImagesTest {

    @ParameterizedTest
    @CsvSource({
        "article-service, Dockerfile.jvm", "article-service, Dockerfile.native",
        "image-service, Dockerfile.jvm", "image-service, Dockerfile.native",
        "feed-service, Dockerfile.jvm", "feed-service, Dockerfile.native"
    })
    void runsAsUser1001OnThePodPort(String service, String dockerfile) throws IOException {
        List<String> lines = Files.readAllLines(
                Manifests.root().resolve(service).resolve("src/main/docker").resolve(dockerfile));
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertEquals("USER 1001", users.get(users.size() - 1), "the final stage's user");
        assertTrue(lines.contains("EXPOSE 8080"), "EXPOSE 8080");
        assertTrue(lines.stream().anyMatch(l -> l.contains("QUARKUS_HTTP_PORT=8080")), "QUARKUS_HTTP_PORT=8080");
        if (dockerfile.endsWith("jvm")) {
            // The start every other launcher uses: the build's JVM options from the application folder.
            assertTrue(lines.contains("WORKDIR /deployments"), "WORKDIR /deployments");
            assertTrue(
                    lines.contains("ENTRYPOINT [ \"java\", \"@jvm.args\", \"-jar\", \"quarkus-run.jar\" ]"),
                    "java @jvm.args -jar quarkus-run.jar");
            assertTrue(lines.stream().noneMatch(l -> l.contains("JAVA_OPTS")), "no JVM options but jvm.args");
        }
        if (dockerfile.endsWith("native")) {
            assertTrue(
                    lines.stream()
                            .anyMatch(l -> l.matches(
                                    "FROM quay\\.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-\\d+ AS build")),
                    "a Mandrel builder stage");
            assertTrue(
                    lines.contains("RUN ./mvnw -B -pl " + service + " -am package -DskipTests -Dnative"),
                    "builds " + service);
        }
    }

    @ParameterizedTest
    @CsvSource({"article-service", "image-service", "feed-service"})
    void runsTheUserThePodsDeclare(String service) {
        Path generated = Manifests.root().resolve("k8s/base/generated").resolve(service + ".yml");
        var deployment =
                Manifests.ofKind(Manifests.load(generated), "Deployment").get(0);
        assertEquals(
                1001,
                Manifests.path(deployment, "spec", "template", "spec", "securityContext")
                        .get("runAsUser"));
    }
}
