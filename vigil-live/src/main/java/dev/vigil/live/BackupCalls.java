package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dlm.DlmClient;

/** AWS Backup plans with their rules and selections, and Data Lifecycle Manager policies. */
final class BackupCalls {

    private BackupCalls() {
    }

    static void collect(Scope scope, CallRecorder recorder) {
        BackupClient backup = scope.client(BackupClient.builder());
        recorder.paged(scope, "backup", "list-backup-plans", "", () -> backup.listBackupPlansPaginator(r -> { }))
                .ifPresent(plans -> {
                    for (JsonNode plan : plans.path("BackupPlansList")) {
                        String planId = plan.path("BackupPlanId").asText("");
                        if (!planId.isEmpty()) {
                            plan(scope, recorder, backup, planId);
                        }
                    }
                });
        DlmClient dlm = scope.client(DlmClient.builder());
        recorder.single(scope, "dlm", "get-lifecycle-policies", "", () -> dlm.getLifecyclePolicies(r -> { }));
    }

    private static void plan(Scope scope, CallRecorder recorder, BackupClient backup, String planId) {
        recorder.single(scope, "backup", "get-backup-plan", planId, () -> backup.getBackupPlan(r -> r.backupPlanId(planId)));
        recorder.paged(scope, "backup", "list-backup-selections", planId,
                () -> backup.listBackupSelectionsPaginator(r -> r.backupPlanId(planId))).ifPresent(selections -> {
                    for (JsonNode selection : selections.path("BackupSelectionsList")) {
                        String selectionId = selection.path("SelectionId").asText("");
                        if (!selectionId.isEmpty()) {
                            recorder.single(scope, "backup", "get-backup-selection", planId + "." + selectionId,
                                    () -> backup.getBackupSelection(r -> r.backupPlanId(planId).selectionId(selectionId)));
                        }
                    }
                });
    }
}
