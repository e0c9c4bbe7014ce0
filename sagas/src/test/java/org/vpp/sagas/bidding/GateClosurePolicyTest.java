package org.vpp.sagas.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GateClosurePolicyTest {

    private static final Duration MARGIN = Duration.ofMinutes(10);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            FETCHING_INPUTS | no inputs were recorded
            OPTIMIZING      | no schedule was recorded
            DRAFTING        | no bid was drafted
            """)
    void withoutADraftTheCycleAbortsNamingTheStepItWasStuckIn(BiddingCyclePhase phase, String stuck) {
        assertThat(GateClosurePolicy.atGateClosure(phase, MARGIN)).isEqualTo(new GateClosurePolicy.Abort(
                "gate closure in PT10M: " + stuck + ", nothing can be offered in time"));
    }

    @ParameterizedTest
    @EnumSource(value = BiddingCyclePhase.class, names = "SUBMITTING")
    void aDraftNotYetSubmittedIsSubmitted(BiddingCyclePhase phase) {
        assertThat(GateClosurePolicy.atGateClosure(phase, MARGIN)).isEqualTo(new GateClosurePolicy.SubmitDraft());
    }

    @ParameterizedTest
    @EnumSource(value = BiddingCyclePhase.class, names = "AWAITING_RESULT")
    void aSubmittedBidLeavesNothingToDecide(BiddingCyclePhase phase) {
        assertThat(GateClosurePolicy.atGateClosure(phase, MARGIN)).isEqualTo(new GateClosurePolicy.NothingLeft());
    }
}
