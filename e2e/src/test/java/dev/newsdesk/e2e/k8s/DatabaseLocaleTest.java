package dev.newsdesk.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both overlays' PostgreSQL initialise with a UTF-8 ctype (issue 10), read from the committed
 * overlay files (no kubectl needed), and the check catches a cluster left at the C locale.
 */
class DatabaseLocaleTest {

    private static List<Map<String, Object>> overlay(String file) {
        return Manifests.load(Manifests.root().resolve("k8s/overlays/" + file));
    }

    @Test
    void prodClusterAndDevDatabaseInitialiseWithAUtf8Ctype() {
        assertEquals(List.of(), ManifestPolicy.databaseLocale(overlay("prod/postgresql-cluster.yaml")));
        assertEquals(List.of(), ManifestPolicy.databaseLocale(overlay("dev/postgresql.yaml")));
    }

    @Test
    void aClusterLeftAtTheCLocaleIsCaught() {
        List<Map<String, Object>> prod = overlay("prod/postgresql-cluster.yaml");
        Map<String, Object> initdb =
                Manifests.path(Manifests.ofKind(prod, "Cluster").get(0), "spec", "bootstrap", "initdb");
        initdb.remove("localeCType");
        initdb.put("locale", "C");
        assertEquals(List.of("Cluster/newsdesk-db: initdb ctype is C, not UTF-8"), ManifestPolicy.databaseLocale(prod));
    }

    @Test
    void aDevDatabaseWithoutInitdbLocaleIsCaught() {
        List<Map<String, Object>> dev = overlay("dev/postgresql.yaml");
        Map<String, Object> set = Manifests.ofKind(dev, "StatefulSet").get(0);
        Map<String, Object> container = Manifests.list(Manifests.path(set, "spec", "template", "spec"), "containers")
                .get(0);
        Manifests.list(container, "env").removeIf(e -> "POSTGRES_INITDB_ARGS".equals(e.get("name")));
        assertEquals(
                List.of("StatefulSet/postgresql container postgresql: POSTGRES_INITDB_ARGS sets no UTF-8 --locale"),
                ManifestPolicy.databaseLocale(dev));
    }
}
