package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.OddDataHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Every check of the section, fed exports of the wrong shape and Config items of the wrong types, still answers for
 * every account without throwing; fed only denied exports, it never gives a verdict (see {@link OddDataHarness}).
 */
class OddAndDeniedDataTest {

    static final List<List<String>> OPERATIONS = List.of(
            List.of("cloudtrail", "describe-trails", ""),
            List.of("cloudtrail", "get-trail-status", "t"),
            List.of("cloudtrail", "get-event-selectors", "t"),
            List.of("organizations", "list-accounts", ""),
            List.of("s3control", "get-public-access-block", ""));
    static final List<String> TYPES = List.of("AWS::CloudTrail::Trail", "AWS::S3::Bucket", "AWS::S3::AccountPublicAccessBlock");

    @Test
    void oddShapesNeverThrowAndEveryAccountIsAnswered() {
        OddDataHarness.oddShapesNeverThrowAndEveryAccountIsAnswered(OPERATIONS, TYPES, CloudTrailChecks.checks());
    }

    @Test
    void deniedExportsAreNeverAFail() {
        OddDataHarness.deniedExportsAreNeverAVerdict(OPERATIONS, CloudTrailChecks.checks());
    }
}
