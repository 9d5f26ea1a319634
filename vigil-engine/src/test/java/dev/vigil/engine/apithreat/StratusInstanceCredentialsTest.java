package dev.vigil.engine.apithreat;

import dev.vigil.engine.intel.AwsAddressRanges;
import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.engine.testing.SharedData;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real CloudTrail records of Stratus Red Team's "steal EC2 instance credentials" detonation: the instance role's
 * session (principal id ending in the instance id, an ASIA key) is used from the operator's machine. That machine's
 * address lies in AWS's EC2 range, so with the real ip-ranges.json it is GuardDuty's InsideAWS case, which Vigil does
 * not raise; with ranges that leave it out, the OutsideAWS finding must come from these records exactly.
 */
class StratusInstanceCredentialsTest {

    static final Path RECORDS = SharedData.stratus()
            .resolve("aws.credential-access.ec2-steal-instance-credentials.json");

    @Test
    void theStolenSessionIsFoundFromRealRecords(@TempDir Path dir) throws IOException {
        List<JsonEvent> events = JsonEvent.readFile(RECORDS);
        List<Problem> problems = new ArrayList<>();
        AwsAddressRanges elsewhere = AwsAddressRanges.load(Files.writeString(dir.resolve("ip-ranges.json"),
                "{\"prefixes\":[{\"ip_prefix\":\"192.0.2.0/24\",\"service\":\"EC2\"}],\"ipv6_prefixes\":[]}"),
                problems::add);
        ApiThreatDetections d = new ApiThreatDetections(null, elsewhere, null);
        ApiThreatDetections.State s = d.newState();
        events.forEach(e -> d.accept(s, e));
        List<Finding> findings = d.finish(List.of(s));
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.resource()).isEqualTo("i-786a3A8B5C0d92eF4");
        assertThat(f.count()).isEqualTo(2); // GetCallerIdentity and DescribeInstances with the stolen key
        assertThat(f.keys()).containsEntry("address", "18.236.253.47");
        assertThat(f.evidence()).hasSize(3);

        AwsAddressRanges ec2 = AwsAddressRanges.load(Files.writeString(dir.resolve("ec2.json"),
                "{\"prefixes\":[{\"ip_prefix\":\"18.236.0.0/15\",\"service\":\"EC2\"}]}"), problems::add);
        ApiThreatDetections inside = new ApiThreatDetections(null, ec2, null);
        ApiThreatDetections.State t = inside.newState();
        events.forEach(e -> inside.accept(t, e));
        assertThat(inside.finish(List.of(t))).as("inside AWS: not this finding").isEmpty();
        assertThat(problems).isEmpty();
    }
}
