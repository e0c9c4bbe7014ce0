package org.vpp.api.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shares the segments of each streaming event processor between the application instances on one database. Axon's
 * processors claim every segment they can and never give one back by themselves, so the first instance to start would
 * keep them all. Every pass (real time) each instance renews its row in {@code app_instance}, counts the instances seen
 * within {@code liveWithin} (by the database's clock, the same for all) and, when it holds more than its fair share of a
 * processor's segments (segments / live instances, rounded up), releases the surplus for a while, for an instance with
 * fewer to claim. An instance that dies stops renewing its row and its claims; once they expire the others count one
 * instance fewer and claim its segments. Token claims make each segment, so each event, one instance's at a time:
 * nothing is handled twice.
 */
public final class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration liveWithin;
    private final Duration releaseFor;

    private final String instance;

    /** @param instance this instance's name, as its token claims carry it (Axon's default: the JVM's {@code pid@host}) */
    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, String instance, Duration liveWithin,
                           Duration releaseFor) {
        this.instance = instance;
        this.processing = processing;
        this.jdbc = jdbc;
        this.liveWithin = liveWithin;
        this.releaseFor = releaseFor;
    }

    /**
     * The other instances named {@code pid@host} with this instance's host whose process no longer runs. After a
     * {@code kill -9} and a restart, the dead instance's row would count as live until it aged past {@code liveWithin},
     * and the new instance would meanwhile hold back half of every processor's segments (its read models running
     * behind, its alerts repeating). Instances on other hosts are left to age out: their processes cannot be seen here.
     */
    static List<String> deadOnThisHost(String me, List<String> instances, LongPredicate alive) {
        int at = me.indexOf('@');
        if (at < 0) return List.of();
        String host = me.substring(at);
        List<String> dead = new ArrayList<>();
        for (String other : instances) {
            if (other.equals(me) || !other.endsWith(host) || other.indexOf('@') != other.length() - host.length()) continue;
            try {
                if (!alive.test(Long.parseLong(other.substring(0, other.indexOf('@'))))) dead.add(other);
            } catch (NumberFormatException notAPid) {
                // named otherwise: left to age out
            }
        }
        return dead;
    }

    /** One pass over every streaming processor; returns, per processor, the segments this instance released. */
    public Map<String, List<Integer>> balance() {
        jdbc.update("""
                INSERT INTO app_instance (instance_id, seen_at) VALUES (?, now())
                ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()""", instance);
        for (String dead : deadOnThisHost(instance, jdbc.queryForList("SELECT instance_id FROM app_instance", String.class),
                pid -> ProcessHandle.of(pid).isPresent())) {
            jdbc.update("DELETE FROM app_instance WHERE instance_id = ?", dead);
            log.info("Instance {} ran on this machine and its process is gone (killed?): no longer counted as live", dead);
        }
        Integer counted = jdbc.queryForObject("SELECT count(*) FROM app_instance WHERE seen_at > now() - ? * interval '1 millisecond'",
                Integer.class, liveWithin.toMillis());
        int live = Math.max(1, counted == null ? 1 : counted);
        Map<String, Integer> segments = new HashMap<>();
        jdbc.query("SELECT processor_name FROM token_entry", rs -> {
            segments.merge(rs.getString(1), 1, Integer::sum);
        });
        Map<String, List<Integer>> released = new HashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.isRunning()) return;
            int total = segments.getOrDefault(name, 0);
            List<Integer> mine = new ArrayList<>(streaming.processingStatus().keySet());
            int fair = (total + live - 1) / live;
            if (total <= 1 || mine.size() <= fair) return;
            mine.sort(Comparator.reverseOrder());
            List<Integer> give = mine.subList(0, mine.size() - fair);
            for (int segment : give) streaming.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
            released.put(name, List.copyOf(give));
            log.info("Processor {}: {} live instance(s), {} segments; released {} of this instance's {} ({})", name, live,
                    total, give.size(), mine.size(), give);
        });
        return released;
    }
}
