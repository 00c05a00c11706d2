package dev.newsdesk.http;

import java.util.Arrays;

/**
 * Reads a Prometheus text exposition ({@code /q/metrics}) the way a metric test needs it: the sum
 * of one metric's samples whose labels include the given {@code key="value"} pairs. Tests compare
 * two readings around what they do, so a series other tests already moved cannot pass them.
 */
public final class MetricSamples {

    private MetricSamples() {}

    public static double sum(String exposition, String name, String... labels) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
