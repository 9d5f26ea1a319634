package dev.vigil.live;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3control.S3ControlClient;

import java.time.Duration;
import java.util.Set;

/**
 * The account-wide (global) calls: IAM's account summary and credential report (root MFA, root keys), and the
 * account-level S3 public access block.
 */
final class AccountCalls {

    /** IAM answers these while a credential report is being made; asking again a little later succeeds. */
    private static final Set<String> REPORT_NOT_READY = Set.of("ReportInProgress", "ReportNotPresent",
            "ReportExpired");
    private static final int REPORT_TRIES = 8;

    private AccountCalls() {
    }

    static void collect(Scope scope, CallRecorder recorder, Duration pause) {
        IamClient iam = scope.client(IamClient.builder());
        recorder.single(scope, "iam", "get-account-summary", "", iam::getAccountSummary);
        credentialReport(scope, recorder, iam, pause);
        S3ControlClient s3control = scope.client(S3ControlClient.builder());
        recorder.single(scope, "s3control", "get-public-access-block", "",
                () -> s3control.getPublicAccessBlock(r -> r.accountId(scope.account())));
    }

    /**
     * Asks IAM to generate the report, then fetches it, waiting {@code pause} × attempt while IAM says it is not
     * ready (with the default 500 ms, up to 14 s in all; IAM usually needs a few seconds). One document is kept: the report, or the error that stopped it.
     */
    private static void credentialReport(Scope scope, CallRecorder recorder, IamClient iam, Duration pause) {
        recorder.record(scope, "iam", "get-credential-report", "", () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    iam.generateCredentialReport();
                    return CliJson.toJson(iam.getCredentialReport());
                } catch (AwsServiceException notYet) {
                    String code = notYet.awsErrorDetails() == null ? "" : notYet.awsErrorDetails().errorCode();
                    if (attempt >= REPORT_TRIES || !REPORT_NOT_READY.contains(code)) {
                        throw notYet;
                    }
                    sleep(pause.multipliedBy(attempt));
                }
            }
        });
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
