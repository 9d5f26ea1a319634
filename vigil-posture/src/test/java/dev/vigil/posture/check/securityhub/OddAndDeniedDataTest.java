package dev.vigil.posture.check.securityhub;

import dev.vigil.posture.check.OddDataHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Every check of the section, fed exports of the wrong shape and Config items of the wrong types, still answers for
 * every account without throwing; fed only denied exports, it never gives a verdict (see {@link OddDataHarness}).
 */
class OddAndDeniedDataTest {

    static final List<List<String>> OPERATIONS = List.of(
            List.of("securityhub", "describe-hub", ""),
            List.of("securityhub", "get-enabled-standards", ""),
            List.of("securityhub", "get-administrator-account", ""),
            List.of("securityhub", "list-organization-admin-accounts", ""));
    static final List<String> TYPES = List.of();

    @Test
    void oddShapesNeverThrowAndEveryAccountIsAnswered() {
        OddDataHarness.oddShapesNeverThrowAndEveryAccountIsAnswered(OPERATIONS, TYPES, SecurityHubChecks.checks());
    }

    @Test
    void deniedExportsAreNeverAFail() {
        OddDataHarness.deniedExportsAreNeverAVerdict(OPERATIONS, SecurityHubChecks.checks());
    }
}
