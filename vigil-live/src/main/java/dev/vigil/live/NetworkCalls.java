package dev.vigil.live;

import software.amazon.awssdk.services.ec2.Ec2Client;

/** EC2's account-wide settings per region: EBS encryption by default, and VPC flow logs. */
final class NetworkCalls {

    private NetworkCalls() {
    }

    static void collect(Scope scope, CallRecorder recorder) {
        Ec2Client ec2 = scope.client(Ec2Client.builder());
        recorder.single(scope, "ec2", "get-ebs-encryption-by-default", "", () -> ec2.getEbsEncryptionByDefault(r -> { }));
        recorder.paged(scope, "ec2", "describe-flow-logs", "", () -> ec2.describeFlowLogsPaginator(r -> { }));
    }
}
