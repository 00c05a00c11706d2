package dev.newsdesk.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunningSystem;
import dev.newsdesk.e2e.ServiceProcess;
import dev.newsdesk.e2e.security.ApiSurface.ApiOperation;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the three services' OpenAPI documents (read live from {@code /q/openapi}
 * with swagger-parser), called with hostile path, query, header and body values and random
 * content types, with and without the write token; seeded, so a failure replays with
 * {@code -Dnewsdesk.fuzz.seed=N}. No answer is a 5xx except image-service's 502/504 for an
 * origin, every 4xx is a problem document, every answer is nosniff, the services stay alive,
 * and articles that existed before are unchanged: writes with the token only target articles
 * the fuzzer made for that.
 */
@ExtendWith(RunningSystem.class)
class OpenApiFuzzTest {

    static final int REQUESTS = Integer.getInteger("newsdesk.fuzz.requests", 3_000);
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("newsdesk.fuzz.seconds", 150));

    @Test
    void noServiceFailsOnHostileInput() throws Exception {
        NewsdeskSystem system = RunningSystem.system();
        long seed = Long.getLong("newsdesk.fuzz.seed", System.nanoTime());
        System.out.println("OpenApiFuzzTest seed " + seed + " (replay: -Dnewsdesk.fuzz.seed=" + seed + ")");
        FuzzTargets targets = FuzzTargets.prepare(system, RunningSystem.galleryOrigin());
        Map<String, String> before = targets.snapshot();

        List<ApiOperation> operations = new ArrayList<>();
        for (ServiceProcess service : system.services()) {
            String document = Calls.get(service.baseUrl() + "/q/openapi").body();
            operations.addAll(ApiSurface.read(service.name(), document));
        }
        assertTrue(operations.size() >= 12, "operations found: " + operations);
        FuzzRequests requests = new FuzzRequests(new Hostile(seed), system, targets);
        Map<String, Integer> classes = new TreeMap<>();
        Map<String, String> findings = new TreeMap<>(); // one example per operation and kind of fault
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int sent = 0;
        while (sent < REQUESTS && System.nanoTime() < deadline) {
            ApiOperation operation = requests.pick(operations);
            FuzzRequests.Request request = requests.make(operation);
            ServiceProcess service = system.services().stream()
                    .filter(s -> s.name().equals(operation.service()))
                    .findFirst()
                    .orElseThrow();
            URI base = URI.create(service.baseUrl());
            sent++;
            RawHttp.Answer answer;
            try {
                answer = RawHttp.exchange(
                        base.getHost(),
                        base.getPort(),
                        request.method(),
                        request.target(),
                        request.headers(),
                        request.body());
            } catch (IOException e) {
                findings.putIfAbsent(operation.name() + " no answer", request + " -> " + e);
                classes.merge("no answer", 1, Integer::sum);
                continue;
            }
            classes.merge(answer.status() / 100 + "xx", 1, Integer::sum);
            String fault = FuzzVerdict.fault(operation, request, answer);
            if (fault != null) {
                findings.putIfAbsent(operation.name() + " " + answer.status() + " " + fault, request.toString());
            }
        }
        System.out.printf(
                "OpenApiFuzzTest: %d requests over %d operations, status classes %s%n",
                sent, operations.size(), classes);
        findings.forEach((k, v) -> System.out.println("  finding: " + k + "\n    e.g. " + v));

        for (ServiceProcess service : system.services()) {
            assertEquals(200, Calls.get(service.baseUrl() + "/q/health/ready").statusCode(), service.name() + " ready");
            assertTrue(service.isAlive(), service.name() + " alive");
        }
        assertEquals(before, targets.snapshot(), "articles that existed before the fuzzing changed");
        assertEquals(Map.of(), findings);
        assertTrue(sent >= Math.min(REQUESTS, 1_000), "only " + sent + " requests in the time budget");
    }
}
