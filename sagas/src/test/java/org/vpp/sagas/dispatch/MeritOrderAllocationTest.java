package org.vpp.sagas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.sagas.dispatch.MeritOrderAllocation.Allocated;
import org.vpp.sagas.dispatch.MeritOrderAllocation.Allocation;
import org.vpp.sagas.dispatch.MeritOrderAllocation.Candidate;

/**
 * The merit order as a table worked by hand. Candidates are written {@code id:headroom:minimum:cost}, the expected
 * allocations {@code id:power} in the order they are filled.
 */
class MeritOrderAllocationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                                   | request | candidates                        | allocated    | total | unmet
            an upward request takes the cheapest first: B(20) 4, then A(50) 1        |  5      | A:3:0:50 B:4:0:20 C:4:0:80        | B:4 A:1      |  5    |  0
            more than all headroom leaves the rest unmet: 15 - (4+3+4) = 4           | 15      | A:3:0:50 B:4:0:20 C:4:0:80        | B:4 A:3 C:4  | 11    |  4
            a downward request reduces the dearest first: C(80) -4, then A(50) -1    | -5      | A:3:0:50 B:4:0:20 C:4:0:80        | C:-4 A:-1    | -5    |  0
            a downward request beyond headroom leaves a negative unmet: -10 - -3     | -10     | A:3:0:10                          | A:-3         | -3    | -7
            a need of 3 below a minimum of 4 skips the cheap candidate               |  3      | A:5:4:10 B:5:0:30                 | B:3          |  3    |  0
            a need of 5 at or above the minimum of 4 takes the cheap candidate       |  5      | A:5:4:10 B:5:0:30                 | A:5          |  5    |  0
            a need exactly at the minimum is enough                                  |  4      | A:5:4:10 B:5:0:30                 | A:4          |  4    |  0
            the minimum is judged on what is left: 6 - 2 = 4 < 5 skips G             |  6      | A:2:0:10 G:5:5:20 B:10:0:30       | A:2 B:4      |  6    |  0
            a headroom of 3 below its minimum of 4 can take nothing                  | 10      | G:3:4:10 B:10:0:30                | B:10         | 10    |  0
            equal costs go to the larger headroom first                              |  3      | A:2:0:50 B:4:0:50                 | B:3          |  3    |  0
            equal costs and headrooms go by asset id                                 |  3      | B:4:0:50 A:4:0:50                 | A:3          |  3    |  0
            a candidate without headroom is not listed                               |  2      | A:0:0:10 B:5:0:20                 | B:2          |  2    |  0
            a zero request allocates nothing                                         |  0      | A:3:0:50 B:4:0:20                 |              |  0    |  0
            no candidates leave the whole request unmet                              |  2      |                                   |              |  0    |  2
            """)
    void sharesARequestByMeritOrder(String description, double requestMw, String candidates, String allocated,
                                    double totalMw, double unmetMw) {
        Allocation allocation = MeritOrderAllocation.allocate(requestMw, candidates(candidates));

        assertThat(allocation.allocations()).extracting(a -> a.assetId() + ":" + format(a.powerMw()))
                .containsExactlyElementsOf(words(allocated));
        assertThat(allocation.totalMw()).isCloseTo(totalMw, within(1e-9));
        assertThat(allocation.unmetMw()).isCloseTo(unmetMw, within(1e-9));
    }

    @Test
    void eachAllocationCarriesTheMeritAndHeadroomItWasChosenBy() {
        var allocation = MeritOrderAllocation.allocate(5,
                List.of(new Candidate("A", 3, 0, 50), new Candidate("B", 4, 0, 20)));

        // B (20 EUR/MWh) gives its 4 MW, A (50) the remaining 1 of its 3.
        assertThat(allocation.allocations()).containsExactly(new Allocated("B", 4, 20, 4), new Allocated("A", 1, 50, 3));
    }

    @Test
    void aNegativeHeadroomIsRefusedAsMalformed() {
        assertThatThrownBy(() -> new Candidate("A", -1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Candidate> candidates(String table) {
        return words(table).stream().map(word -> {
            String[] f = word.split(":");
            return new Candidate(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]));
        }).toList();
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.trim().split("\\s+")).toList();
    }

    /** Whole megawatts as the table writes them; every power in the table is whole. */
    private static String format(double mw) {
        long whole = Math.round(mw);
        assertThat(mw).isCloseTo(whole, within(1e-9));
        return Long.toString(whole);
    }
}
