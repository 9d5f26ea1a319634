package dev.vigil.metrics.alarm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CloudWatch's documented truth tables ("Configuring how CloudWatch alarms treat missing data", restated in
 * shared/specs/01 §8): evaluation range 5, most recent on the right; {@code 0} not breaching, {@code X}
 * breaching, {@code -} missing. {@code retain} means the state is kept.
 */
class WindowDecisionTest {

    @ParameterizedTest(name = "N=3 M=3 [{0}] missing={2} ignore={3} breaching={4} notBreaching={5}")
    @CsvSource(delimiter = '|', textBlock = """
            0 - X - X | 0 | OK                | OK     | OK    | OK
            0 - - - - | 2 | OK                | OK     | OK    | OK
            - - - - - | 3 | INSUFFICIENT_DATA | retain | ALARM | OK
            0 X X - X | 0 | ALARM             | ALARM  | ALARM | ALARM
            - - X - - | 2 | ALARM             | retain | ALARM | OK
            """)
    void threeOfThree(String points, int fills, String missing, String ignore, String breaching, String notBreaching) {
        assertRow(points, 3, 3, fills, missing, ignore, breaching, notBreaching);
    }

    @ParameterizedTest(name = "N=3 M=2 [{0}] missing={2} ignore={3} breaching={4} notBreaching={5}")
    @CsvSource(delimiter = '|', textBlock = """
            0 - X - X | 0 | ALARM | ALARM  | ALARM | ALARM
            0 0 X 0 X | 0 | ALARM | ALARM  | ALARM | ALARM
            0 - X - - | 1 | OK    | OK     | ALARM | OK
            - - - - 0 | 2 | OK    | OK     | ALARM | OK
            - - - X - | 2 | ALARM | retain | ALARM | OK
            """)
    void twoOfThree(String points, int fills, String missing, String ignore, String breaching, String notBreaching) {
        assertRow(points, 3, 2, fills, missing, ignore, breaching, notBreaching);
    }

    @Test
    void prematureAlarmAvoidanceWaitsUntilTheBreachIsMPeriodsOld() {
        // Documented: with M=3, "- - - - X" and "- - - X -" do not alarm yet.
        assertThat(decide("- - - - X", 3, 3, TreatMissingData.MISSING).state()).isEqualTo(AlarmState.OK);
        assertThat(decide("- - - X -", 3, 3, TreatMissingData.MISSING).state()).isEqualTo(AlarmState.OK);
        assertThat(decide("- - X - -", 3, 3, TreatMissingData.MISSING).basis())
                .isEqualTo(WindowDecision.Basis.PREMATURE_ALARM);
        // A good datapoint after the breach cancels it.
        assertThat(decide("- - X 0 -", 3, 2, TreatMissingData.MISSING).state()).isEqualTo(AlarmState.OK);
    }

    @Test
    void enoughRealDatapointsIgnoreTheTreatmentAndUseTheNewestN() {
        WindowDecision d = decide("X X 0 0 0", 3, 1, TreatMissingData.BREACHING);
        assertThat(d.state()).isEqualTo(AlarmState.OK);
        assertThat(d.evaluated()).containsExactly(2, 3, 4);
        assertThat(d.basis()).isEqualTo(WindowDecision.Basis.REAL_DATAPOINTS);
        // Extra real datapoints from farther back fill the gaps before any treatment value does.
        WindowDecision gaps = decide("X - X - X", 3, 3, TreatMissingData.NOT_BREACHING);
        assertThat(gaps.state()).isEqualTo(AlarmState.ALARM);
        assertThat(gaps.fills()).isZero();
    }

    @Test
    void oneOfOneFollowsTheNewestRealDatapoint() {
        assertThat(decide("- - 0", 1, 1, TreatMissingData.MISSING).state()).isEqualTo(AlarmState.OK);
        assertThat(decide("0 - X", 1, 1, TreatMissingData.MISSING).state()).isEqualTo(AlarmState.ALARM);
        assertThat(decide("- - -", 1, 1, TreatMissingData.NOT_BREACHING).state()).isEqualTo(AlarmState.OK);
        assertThat(decide("- - -", 1, 1, TreatMissingData.BREACHING).state()).isEqualTo(AlarmState.ALARM);
    }

    @Test
    void refusesImpossibleSettings() {
        Slot[] range = slots("- - -");
        assertThatThrownBy(() -> WindowDecision.decide(range, 3, 4, TreatMissingData.MISSING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowDecision.decide(range, 4, 1, TreatMissingData.MISSING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowDecision.decide(range, 0, 0, TreatMissingData.MISSING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRow(String points, int n, int m, int fills, String missing, String ignore,
                                  String breaching, String notBreaching) {
        String[] expected = {missing, ignore, breaching, notBreaching};
        TreatMissingData[] modes = {TreatMissingData.MISSING, TreatMissingData.IGNORE, TreatMissingData.BREACHING,
                TreatMissingData.NOT_BREACHING};
        for (int i = 0; i < modes.length; i++) {
            WindowDecision d = decide(points, n, m, modes[i]);
            String got = d.state() == null ? "retain" : d.state().name();
            assertThat(got).as("%s with %s", points, modes[i]).isEqualTo(expected[i]);
        }
        // "fills needed" column: how many missing periods the breaching/notBreaching treatments fill in.
        assertThat(decide(points, n, m, TreatMissingData.BREACHING).fills()).as("fills for %s", points).isEqualTo(fills);
    }

    static WindowDecision decide(String points, int n, int m, TreatMissingData t) {
        return WindowDecision.decide(slots(points), n, m, t);
    }

    static Slot[] slots(String points) {
        String[] parts = points.trim().split("\\s+");
        Slot[] out = new Slot[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = switch (parts[i]) {
                case "-" -> Slot.MISSING;
                case "0" -> Slot.NOT_BREACHING;
                case "X" -> Slot.BREACHING;
                default -> throw new IllegalArgumentException(parts[i]);
            };
        }
        return out;
    }
}
