package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TraceExportTest {

    @Test
    void noEndpointSamplesNothing() {
        assertEquals("0.0", TraceExport.samplerRatio(null, " ").get("quarkus.otel.traces.sampler.arg"));
    }

    @Test
    void anEndpointSamplesEverything() {
        assertEquals(
                "1.0", TraceExport.samplerRatio("http://collector:4317", null).get("quarkus.otel.traces.sampler.arg"));
        assertEquals(
                "1.0", TraceExport.samplerRatio(null, "http://collector:4317").get("quarkus.otel.traces.sampler.arg"));
    }
}
