package org.vpp.bench.forecast;

import org.vpp.forecast.value.Source;
import org.vpp.kernel.TimeSeries;

/** A named series to benchmark and what it measures. */
public record BenchmarkSource(String name, Source source, TimeSeries series) {
}
