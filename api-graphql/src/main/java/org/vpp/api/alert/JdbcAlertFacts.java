package org.vpp.api.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.processing.ProcessorLags;
import org.vpp.messages.alert.AlertId;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidStatus;
import org.vpp.query.alert.AlertProjection;
import org.vpp.sagas.port.AlertFacts;

/** The alert watch's view of the read models (fleet, telemetry, bids, dispatches, alerts) and of the processors. */
public final class JdbcAlertFacts implements AlertFacts {

    private final JdbcTemplate jdbc;
    private final ProcessorLags lags;
    private final AlertProjection alerts;

    public JdbcAlertFacts(JdbcTemplate jdbc, ProcessorLags lags, AlertProjection alerts) {
        this.jdbc = jdbc;
        this.lags = lags;
        this.alerts = alerts;
    }

    @Override
    public List<FaultedAsset> faultedAssets() {
        return jdbc.query("SELECT asset_id, name, status_reason FROM asset_node WHERE status = 'FAULT' ORDER BY asset_id",
                (rs, i) -> new FaultedAsset(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    @Override
    public List<SiteTelemetry> siteTelemetry(Instant freshSince) {
        Timestamp fresh = Timestamp.from(freshSince);
        return jdbc.query("""
                SELECT p.asset_id, p.name, count(*),
                       count(*) FILTER (WHERE s.at >= ? OR (s.at IS NULL AND n.registered_at >= ?)), max(s.at)
                FROM asset_node n JOIN asset_node p ON p.asset_id = n.parent_id AND p.kind = 'SITE'
                LEFT JOIN asset_last_state s ON s.asset_id = n.asset_id
                WHERE n.kind NOT IN ('PORTFOLIO', 'REGION', 'SITE')
                  AND (n.status = 'ONLINE' OR (n.status = 'OFFLINE' AND n.status_origin = 'TELEMETRY'))
                GROUP BY p.asset_id, p.name ORDER BY p.asset_id""",
                (rs, i) -> new SiteTelemetry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()), fresh, fresh);
    }

    @Override
    public Optional<CycleOutcome> cycle(BidId bid) {
        return jdbc.query("SELECT status, submitted_at, abort_reason FROM bid WHERE bid_id = ?",
                (rs, i) -> new CycleOutcome(BidStatus.valueOf(rs.getString(1)),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getString(3)), bid.value())
                .stream().findFirst();
    }

    @Override
    public Optional<Instant> biddingSince(String zone) {
        Timestamp first = jdbc.queryForObject("SELECT min(opened_at) FROM bid WHERE zone = ?", Timestamp.class, zone);
        return Optional.ofNullable(first).map(Timestamp::toInstant);
    }

    @Override
    public List<SlotDeviation> latestDeviations() {
        return jdbc.query("""
                SELECT DISTINCT ON (s.dispatch_id) s.dispatch_id, s.slot_start, s.target_mw, s.delivered_mw, s.deviation_mw
                FROM dispatch_slot s JOIN dispatch d ON d.dispatch_id = s.dispatch_id
                WHERE d.status = 'RUNNING' AND s.measured_at IS NOT NULL AND s.deviation_mw IS NOT NULL
                ORDER BY s.dispatch_id, s.slot_start DESC""",
                (rs, i) -> new SlotDeviation(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5)));
    }

    @Override
    public List<ScheduleGap> latestGaps() {
        return jdbc.query("""
                SELECT zone, bid_id, schedule_prepared_at, gap_to_bound FROM (
                    SELECT DISTINCT ON (zone) zone, bid_id, schedule_prepared_at, gap_to_bound FROM bid
                    WHERE schedule_prepared_at IS NOT NULL ORDER BY zone, schedule_prepared_at DESC, bid_id DESC) latest
                WHERE gap_to_bound IS NOT NULL ORDER BY zone""",
                (rs, i) -> new ScheduleGap(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getDouble(4)));
    }

    @Override
    public Map<String, Long> processorLags() {
        return lags.now();
    }

    @Override
    public List<AlertId> activeAlerts() {
        return alerts.activeIds();
    }
}
