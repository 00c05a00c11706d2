package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricSamplesTest {

    private static final String TEXT = """
            # TYPE requests_total counter
            requests_total{method="GET",uri="/a"} 3.0
            requests_total{method="POST",uri="/a"} 2.0
            requests_total{method="GET",uri="/ab"} 7.0
            requests_total_created{method="GET",uri="/a"} 1.7E9
            other 5.0
            """;

    @Test
    void sumsTheSamplesOfOneMetricWithTheLabels() {
        assertEquals(5.0, MetricSamples.sum(TEXT, "requests_total", "uri=\"/a\""));
        assertEquals(3.0, MetricSamples.sum(TEXT, "requests_total", "uri=\"/a\"", "method=\"GET\""));
        assertEquals(12.0, MetricSamples.sum(TEXT, "requests_total"));
        assertEquals(5.0, MetricSamples.sum(TEXT, "other"));
        assertEquals(0.0, MetricSamples.sum(TEXT, "missing"));
    }
}
