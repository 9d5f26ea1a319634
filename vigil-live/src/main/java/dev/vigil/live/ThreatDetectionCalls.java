package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * GuardDuty and Security Hub: whether they run, with which features and standards, and who administers them. The
 * organisation-wide delegated-administrator lists are asked only from the management account, the one account
 * allowed to answer them.
 */
final class ThreatDetectionCalls {

    private ThreatDetectionCalls() {
    }

    static void collect(Scope scope, CallRecorder recorder, boolean management) {
        GuardDutyClient guardduty = scope.client(GuardDutyClient.builder());
        recorder.paged(scope, "guardduty", "list-detectors", "", () -> guardduty.listDetectorsPaginator(r -> { }))
                .ifPresent(body -> {
                    for (JsonNode id : body.path("DetectorIds")) {
                        String detector = id.asText("");
                        if (detector.isEmpty()) {
                            continue;
                        }
                        recorder.single(scope, "guardduty", "get-detector", detector,
                                () -> guardduty.getDetector(r -> r.detectorId(detector)));
                        recorder.single(scope, "guardduty", "get-administrator-account", detector,
                                () -> guardduty.getAdministratorAccount(r -> r.detectorId(detector)));
                    }
                });
        SecurityHubClient securityhub = scope.client(SecurityHubClient.builder());
        recorder.single(scope, "securityhub", "describe-hub", "", () -> securityhub.describeHub(r -> { }));
        recorder.paged(scope, "securityhub", "get-enabled-standards", "",
                () -> securityhub.getEnabledStandardsPaginator(r -> { }));
        recorder.single(scope, "securityhub", "get-administrator-account", "",
                () -> securityhub.getAdministratorAccount(r -> { }));
        if (management) {
            recorder.paged(scope, "guardduty", "list-organization-admin-accounts", "",
                    () -> guardduty.listOrganizationAdminAccountsPaginator(r -> { }));
            recorder.paged(scope, "securityhub", "list-organization-admin-accounts", "",
                    () -> securityhub.listOrganizationAdminAccountsPaginator(r -> { }));
        }
    }
}
