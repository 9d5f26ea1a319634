package dev.vigil.posture.check;

import dev.vigil.posture.check.backup.BackupChecks;
import dev.vigil.posture.check.dynamodb.DynamoDbChecks;
import dev.vigil.posture.check.ebs.EbsChecks;
import dev.vigil.posture.check.kms.KmsChecks;
import dev.vigil.posture.check.rds.RdsChecks;
import dev.vigil.posture.check.s3.S3Checks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encryption, exposure and resilience checks on hostile or malformed data: every field of the wrong type, every
 * export a wrong shape. No check may throw (CheckRunner would turn that into a bug report) and every reason stays a
 * single line.
 */
class ResourceChecksOddDataTest {

    static final String ACCT = "111111111111";
    static final String REGION = "eu-west-1";
    static final List<String> ODD_CONFIGURATIONS = List.of("[]", "\"text\"", "42", "{}",
            """
            {"keyId":[1],"keyManager":{},"keyState":7,"keyUsage":null,"encrypted":"maybe","state":[],"attachments":"x",
             "storageEncrypted":"true?","publiclyAccessible":{},"multiAZ":[],"backupRetentionPeriod":"many",
             "dBClusterIdentifier":5,"ssedescription":"KMS","BackupPlanId":{},"BackupPlan":{"BackupPlanRule":{"a":1}},
             "BackupSelection":{"Resources":{"x":1},"ListOfTags":"x","Conditions":[1]}}""");
    static final String ODD_SUPPLEMENTARY = """
            {"BucketPolicy":"x","AccessControlList":5,"ServerSideEncryptionConfiguration":{"rules":"x"},
             "PublicAccessBlockConfiguration":[],"BucketReplicationConfiguration":{"rules":[1,"x",{"status":5}]},
             "BucketTaggingConfiguration":{"tagSets":"x"},"KeyRotationStatus":"sometimes",
             "ContinuousBackupsDescription":"{not json"}""";

    static List<Check> checks() {
        List<Check> out = new ArrayList<>();
        out.addAll(KmsChecks.checks());
        out.addAll(S3Checks.checks());
        out.addAll(EbsChecks.checks());
        out.addAll(RdsChecks.checks());
        out.addAll(DynamoDbChecks.checks());
        out.addAll(BackupChecks.checks());
        return out;
    }

    @Test
    void malformedItemsAndExportsNeverThrow() {
        EstateFixture f = new EstateFixture();
        int n = 0;
        for (String configuration : ODD_CONFIGURATIONS) {
            for (String type : List.of("AWS::KMS::Key", "AWS::S3::Bucket", "AWS::EC2::Volume", "AWS::RDS::DBInstance",
                    "AWS::RDS::DBCluster", "AWS::DynamoDB::Table", "AWS::Backup::BackupPlan", "AWS::Backup::BackupSelection",
                    "AWS::S3::AccountPublicAccessBlock")) {
                f.resource(type, "r" + n, ACCT, REGION, configuration, ODD_SUPPLEMENTARY, n % 2 == 0 ? Map.of("k", "v") : Map.of());
                n++;
            }
        }
        for (String[] export : List.of(new String[]{"kms", "get-key-rotation-status"}, new String[]{"kms", "get-key-policy"},
                new String[]{"ec2", "get-ebs-encryption-by-default"}, new String[]{"dlm", "get-lifecycle-policies"},
                new String[]{"backup", "list-backup-plans"}, new String[]{"backup", "get-backup-plan"},
                new String[]{"dynamodb", "describe-continuous-backups"})) {
            f.export(ACCT, REGION, export[0], export[1], "{\"Policies\":\"x\",\"BackupPlansList\":[1,{\"BackupPlanId\":[]}],"
                    + "\"Policy\":5,\"KeyRotationEnabled\":\"yes\",\"EbsEncryptionByDefault\":\"on\",\"BackupPlan\":[]}");
        }
        f.export(ACCT, "global", "s3control", "get-public-access-block", "[]");
        PosturePolicy d = PosturePolicy.defaults();
        f.policy(new PosturePolicy("", "", List.of(), List.of(), java.util.Set.of("r1", "absent"), "k=v", java.util.Set.of(),
                Map.of(), d.trailDeliveryMaxAge(), d.rootUseWindow(), -5, List.of()));
        Estate estate = f.estate();
        for (Check check : checks()) {
            List<CheckResult> results = check.evaluate(estate);
            assertThat(results).as(check.metadata().id()).isNotEmpty();
            assertThat(results).as(check.metadata().id()).allSatisfy(r -> {
                assertThat(r.checkId()).isEqualTo(check.metadata().id());
                assertThat(r.reason()).isNotBlank().doesNotContain("\n");
            });
        }
        List<CheckResult> all = CheckRunner.run(checks(), estate);
        assertThat(all).noneMatch(r -> r.reason().contains("please report it"));
    }
}
