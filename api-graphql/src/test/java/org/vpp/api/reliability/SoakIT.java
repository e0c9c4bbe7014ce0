package org.vpp.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The CI version of the soak (issue 18): about a minute of a demo world of 300 devices, its telemetry, a bidding
 * cycle, a manual dispatch and ten dashboards, sampled every quarter of a simulated hour ({@link SoakRun}). The
 * figures of the long run (10,000 devices, 10 simulated hours, {@code ./vpp bench soak}) are in docs/reliability.md;
 * this checks what must hold on any machine, at every step: telemetry kept arriving, every dashboard request was
 * answered, and memory was sampled; and at the end: the cycle and the dispatch moved on, nothing was dead-lettered,
 * and the application logged no error.
 */
class SoakIT {

    @Test
    void aMinuteOfTelemetryBiddingDispatchAndDashboardsKeepsEveryPartMoving() throws Exception {
        Path root = Files.createTempDirectory("vpp-soak-it-");
        SoakRun.Settings settings = new SoakRun.Settings(300, Duration.ofHours(2), 120, Duration.ofMinutes(15), Duration.ofMinutes(5),
                List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        SoakRun.Report report = SoakRun.run(settings, root);
        System.out.println(SoakRun.table(report));

        assertThat(report.samples()).hasSize(8);
        for (SoakRun.Sample s : report.samples()) {
            assertThat(s.readings()).as("readings stored in the step to %s", s.simulatedAt()).isPositive();
            assertThat(s.site().requests()).as("site dashboards answered in the step to %s", s.simulatedAt()).isPositive();
            assertThat(s.tree().requests()).as("tree dashboards answered in the step to %s", s.simulatedAt()).isPositive();
            assertThat(s.site().failed() + s.tree().failed()).as("dashboard requests not answered cleanly, step to %s", s.simulatedAt()).isZero();
            assertThat(s.heapAfterGcBytes()).as("heap sampled").isPositive();
            assertThat(s.rssBytes()).as("RSS sampled").isPositive();
            assertThat(s.deadLetters()).as("dead letters").isZero();
        }
        SoakRun.Sample last = report.samples().getLast();
        assertThat(last.bid()).as("the cycle moved past opening").doesNotStartWith("OPEN").doesNotStartWith("ABORTED");
        assertThat(last.slotsSent()).as("dispatch slots sent").isPositive();
        assertThat(last.slotsMeasured()).as("dispatch slots measured").isPositive();
        assertThat(report.log().lines().filter(l -> l.contains(" ERROR ")).toList()).as("errors logged").isEmpty();
    }
}
