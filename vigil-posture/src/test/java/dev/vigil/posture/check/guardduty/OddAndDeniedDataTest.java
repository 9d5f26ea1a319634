package dev.vigil.posture.check.guardduty;

import dev.vigil.posture.check.OddDataHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Every check of the section, fed exports of the wrong shape and Config items of the wrong types, still answers for
 * every account without throwing; fed only denied exports, it never gives a verdict (see {@link OddDataHarness}).
 */
class OddAndDeniedDataTest {

    static final List<List<String>> OPERATIONS = List.of(
            List.of("guardduty", "list-detectors", ""),
            List.of("guardduty", "get-detector", "d"),
            List.of("guardduty", "get-administrator-account", "d"),
            List.of("guardduty", "list-organization-admin-accounts", ""));
    static final List<String> TYPES = List.of("AWS::GuardDuty::Detector");

    @Test
    void oddShapesNeverThrowAndEveryAccountIsAnswered() {
        OddDataHarness.oddShapesNeverThrowAndEveryAccountIsAnswered(OPERATIONS, TYPES, GuardDutyChecks.checks());
    }

    @Test
    void deniedExportsAreNeverAFail() {
        OddDataHarness.deniedExportsAreNeverAVerdict(OPERATIONS, GuardDutyChecks.checks());
    }
}
