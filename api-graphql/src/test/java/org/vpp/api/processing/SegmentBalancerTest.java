package org.vpp.api.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which instance rows a restarted instance stops counting as live: those of this machine whose process is gone. */
class SegmentBalancerTest {

    private static final Set<Long> RUNNING = Set.of(4242L, 777L);

    @Test
    void aKilledInstanceOnThisMachineIsDeadAtOnceOthersAreLeftToAgeOut() {
        List<String> rows = List.of("4242@vpp-1", "3101@vpp-1", "3101@vpp-2", "777@vpp-1", "node-a@vpp-1", "12@vpp-10");

        assertThat(SegmentBalancer.deadOnThisHost("4242@vpp-1", rows, RUNNING::contains))
                .as("3101 on this host is gone; 777 runs; another host's and a non-pid name are not judged here")
                .containsExactly("3101@vpp-1");
    }

    @Test
    void anInstanceWithoutAHostInItsNameJudgesNoOne() {
        assertThat(SegmentBalancer.deadOnThisHost("standalone", List.of("1@x", "standalone"), pid -> false)).isEmpty();
    }
}
