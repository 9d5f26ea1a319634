package dev.vigil.posture.check.config;

import dev.vigil.posture.check.OddDataHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Every check of the section, fed exports of the wrong shape and Config items of the wrong types, still answers for
 * every account without throwing; fed only denied exports, it never gives a verdict (see {@link OddDataHarness}).
 */
class OddAndDeniedDataTest {

    static final List<List<String>> OPERATIONS = List.of(
            List.of("configservice", "describe-configuration-recorders", ""),
            List.of("configservice", "describe-configuration-recorder-status", ""),
            List.of("configservice", "describe-configuration-aggregators", ""));
    static final List<String> TYPES = List.of("AWS::Config::ConfigurationRecorder");

    @Test
    void oddShapesNeverThrowAndEveryAccountIsAnswered() {
        OddDataHarness.oddShapesNeverThrowAndEveryAccountIsAnswered(OPERATIONS, TYPES, ConfigChecks.checks());
    }

    @Test
    void deniedExportsAreNeverAFail() {
        OddDataHarness.deniedExportsAreNeverAVerdict(OPERATIONS, ConfigChecks.checks());
    }
}
