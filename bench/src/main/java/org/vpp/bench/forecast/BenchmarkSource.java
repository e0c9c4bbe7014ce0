package org.vpp.bench.forecast;

import org.vpp.forecast.value.Series;
import org.vpp.forecast.value.Source;

/** A named series to benchmark and what it measures. */
public record BenchmarkSource(String name, Source source, Series series) {
}
