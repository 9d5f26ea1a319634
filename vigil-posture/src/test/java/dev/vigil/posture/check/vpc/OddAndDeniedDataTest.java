package dev.vigil.posture.check.vpc;

import dev.vigil.posture.check.OddDataHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Every check of the section, fed exports of the wrong shape and Config items of the wrong types, still answers for
 * every account without throwing; fed only denied exports, it never gives a verdict (see {@link OddDataHarness}).
 */
class OddAndDeniedDataTest {

    static final List<List<String>> OPERATIONS = List.of(
            List.of("ec2", "describe-flow-logs", ""));
    static final List<String> TYPES = List.of("AWS::EC2::VPC", "AWS::EC2::FlowLog", "AWS::S3::Bucket");

    @Test
    void oddShapesNeverThrowAndEveryAccountIsAnswered() {
        OddDataHarness.oddShapesNeverThrowAndEveryAccountIsAnswered(OPERATIONS, TYPES, VpcChecks.checks());
    }

    @Test
    void deniedExportsAreNeverAFail() {
        OddDataHarness.deniedExportsAreNeverAVerdict(OPERATIONS, VpcChecks.checks());
    }
}
