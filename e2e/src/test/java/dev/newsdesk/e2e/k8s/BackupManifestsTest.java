package dev.newsdesk.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prod overlay's continuous backup (CloudNativePG with the Barman Cloud plugin) and the
 * restore overlay, as rendered: what docs/deploy.md's backup and restore runbooks rely on.
 */
class BackupManifestsTest {

    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    @Test
    void prodArchivesWalAndBacksUpDailyWithThirtyDaysRetention() {
        List<Map<String, Object>> prod = Manifests.render("prod");
        Map<String, Object> cluster = Manifests.ofKind(prod, "Cluster").get(0);
        Map<String, Object> plugin =
                Manifests.list(Manifests.map(cluster, "spec"), "plugins").get(0);
        assertEquals(PLUGIN, plugin.get("name"));
        assertEquals(true, plugin.get("isWALArchiver"));
        assertTrue(
                !Manifests.map(cluster, "spec").containsKey("backup"),
                "no in-tree barmanObjectStore (deprecated) beside the plugin");
        String store = (String) Manifests.map(plugin, "parameters").get("barmanObjectName");

        Map<String, Object> objectStore = Manifests.ofKind(prod, "ObjectStore").get(0);
        assertEquals(store, Manifests.name(objectStore));
        assertEquals("30d", Manifests.map(objectStore, "spec").get("retentionPolicy"));
        Map<String, Object> credentials = Manifests.path(objectStore, "spec", "configuration", "s3Credentials");
        String secret = (String) Manifests.map(credentials, "accessKeyId").get("name");
        assertEquals(secret, Manifests.map(credentials, "secretAccessKey").get("name"));
        assertTrue(
                prod.stream().anyMatch(o -> "Secret".equals(Manifests.kind(o)) && secret.equals(Manifests.name(o))),
                "the Secret " + secret + " the ObjectStore names is rendered under that very name");

        Map<String, Object> scheduled =
                Manifests.ofKind(prod, "ScheduledBackup").get(0);
        Map<String, Object> spec = Manifests.map(scheduled, "spec");
        assertEquals("plugin", spec.get("method"));
        assertEquals(PLUGIN, Manifests.map(spec, "pluginConfiguration").get("name"));
        assertEquals(Manifests.name(cluster), Manifests.map(spec, "cluster").get("name"));
        assertEquals(6, ((String) spec.get("schedule")).split(" ").length, "CloudNativePG's cron has seconds");
    }

    @Test
    void theRestoreOverlayRecoversToATimeAndSwitchesArticleService() {
        List<Map<String, Object>> objects = Manifests.render("prod-restored");
        List<Map<String, Object>> clusters = Manifests.ofKind(objects, "Cluster");
        assertEquals(2, clusters.size(), "the damaged cluster stays beside the restored one");
        Map<String, Object> restored = clusters.stream()
                .filter(c -> Manifests.path(c, "spec").containsKey("externalClusters"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> recovery = Manifests.path(restored, "spec", "bootstrap", "recovery");
        assertTrue(Manifests.map(recovery, "recoveryTarget").get("targetTime") instanceof String);
        Map<String, Object> source = Manifests.list(Manifests.map(restored, "spec"), "externalClusters")
                .get(0);
        assertEquals(recovery.get("source"), source.get("name"));
        Map<String, Object> from = Manifests.path(source, "plugin", "parameters");
        assertEquals("newsdesk-db", from.get("serverName"), "reads the original cluster's archive");
        Map<String, Object> archive = Manifests.path(
                Manifests.list(Manifests.map(restored, "spec"), "plugins").get(0), "parameters");
        assertTrue(!"newsdesk-db".equals(archive.get("serverName")), "archives under a name of its own");

        String appSecret = Manifests.name(restored) + "-app";
        Map<String, Object> article = objects.stream()
                .filter(o -> "Deployment".equals(Manifests.kind(o)) && "article-service".equals(Manifests.name(o)))
                .findFirst()
                .orElseThrow();
        String env = article.toString();
        assertTrue(env.contains("name=" + appSecret), "article-service reads " + appSecret);
        assertTrue(!env.contains("name=newsdesk-db-app"), "article-service no longer reads newsdesk-db-app");
    }
}
