package org.vpp.messages.alert;

import java.util.Locale;

/**
 * What an alert is about. Each kind names a condition that an operator must see while it lasts; the alert is raised
 * once when the condition starts and cleared when it ends (see {@code AlertRules} in the application layer).
 */
public enum AlertKind {
    /** A device's status is FAULT. Subject: the asset id. */
    ASSET_FAULT,
    /** No device of a site has reported within the telemetry silence limit. Subject: the site's id. */
    SITE_SILENT,
    /** The latest gate closure of a market zone passed without a submitted bid. Subject: the zone. */
    GATE_CLOSURE_MISSED,
    /** A running dispatch's latest measured slot deviates from its target beyond the threshold. Subject: the dispatch id. */
    DISPATCH_DEVIATION,
    /** An event processor lags more events behind the event store than the threshold. Subject: the processor's name. */
    PROCESSOR_LAG,
    /** A zone's latest schedule is further from the optimizer's bound than the threshold. Subject: the zone. */
    OPTIMIZER_GAP;

    /** The kind as it appears in an alert id: {@code asset-fault}, {@code site-silent}, ... */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AlertKind ofSlug(String slug) {
        return valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
