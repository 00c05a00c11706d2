package dev.newsdesk.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsdesk.http.Prerequisite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The copies in k8s/base/generated/ are what quarkus-kubernetes generated from the current
 * application.properties: ./mvnw verify packages the services before this module, so a
 * change to a service's Kubernetes settings without k8s/sync-generated.sh fails here. The
 * comparison is of the parsed objects: the generator does not always write labels in the
 * same order, and order means nothing to Kubernetes.
 */
class GeneratedManifestsInSyncTest {

    @ParameterizedTest
    @ValueSource(strings = {"article-service", "image-service", "feed-service"})
    void committedCopyEqualsTheGeneratedManifest(String service) {
        Path generated = Manifests.root().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        Prerequisite.require(
                Files.exists(generated), service + " is not packaged (./mvnw package first): nothing to compare");
        assertEquals(
                Manifests.load(generated),
                Manifests.load(Manifests.root().resolve("k8s/base/generated").resolve(service + ".yml")),
                "k8s/base/generated/" + service + ".yml is stale: run k8s/sync-generated.sh and commit it");
    }
}
