package org.vpp.api.forecast;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.series.Unit;

/**
 * Where prices come from (vpp.prices.*): synthetic by default; an imported CSV when {@code csv} is set.
 *
 * @param csv          a file of "timestamp,price" lines (ISO-8601 or epoch seconds); VPP_PRICES_CSV
 * @param unit         EUR_PER_MWH (default), CT_PER_KWH or EUR_PER_KWH
 * @param separator    the column separator, ',' by default
 * @param localZone    the zone of timestamps written without an offset
 * @param decimalComma read "12,5" as 12.5 (needs a separator other than ',')
 * @param maxFill      the longest run of missing prices filled by interpolation (default one hour, zero: none)
 */
@ConfigurationProperties("vpp.prices")
public record PricesProperties(Path csv, Unit unit, Character separator, ZoneId localZone, boolean decimalComma,
                               Duration maxFill) {

    public PricesProperties {
        if (unit == null) unit = Unit.EUR_PER_MWH;
        if (separator == null) separator = ',';
        if (localZone == null) localZone = ZoneId.of("Europe/Berlin");
        if (maxFill == null) maxFill = CsvFormat.DEFAULT_MAX_FILL;
    }

    /** How the price file is read. */
    public CsvFormat format() {
        return CsvFormat.of(unit).withSeparator(separator).withLocalZone(localZone).withDecimalComma(decimalComma)
                .withMaxFill(maxFill);
    }
}
