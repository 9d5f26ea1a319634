package dev.vigil.posture.check.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.inventory.Resource;
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every AWS Backup selection known for one account and region, gathered from AWS::Backup::BackupSelection Config
 * items and from the CLI exports ({@code backup list-backup-plans}, {@code list-backup-selections.<PlanId>},
 * {@code get-backup-selection.<PlanId>.<SelectionId>}), with the exports that were needed but missing or denied.
 * A check may only conclude "not covered" when {@link #gaps()} is empty.
 *
 * @param selections the selections, deduplicated by plan and selection id
 * @param gaps       exports that could hold further selections but are missing or recorded a failure
 */
public record BackupSelections(List<BackupSelection> selections, List<Exported> gaps) {

    public BackupSelections {
        selections = List.copyOf(selections);
        gaps = List.copyOf(gaps);
    }

    public static BackupSelections of(Estate estate, String account, String region) {
        Map<String, BackupSelection> found = new LinkedHashMap<>();
        List<Exported> gaps = new ArrayList<>();
        boolean configKnows = false;
        for (Resource item : estate.inventory().ofType("AWS::Backup::BackupSelection", account).toList()) {
            if (!item.region().equals(region)) {
                continue;
            }
            configKnows = true;
            String planId = item.config("BackupPlanId").asText("");
            String selectionId = item.config("SelectionId").asText(item.id());
            found.put(planId + "/" + selectionId, BackupSelection.of(planId, item.config("BackupSelection")));
        }
        for (SupplementDoc doc : estate.supplements().all("backup", "get-backup-selection")) {
            if (doc.account().equals(account) && doc.region().equals(region)
                    && Exported.of(doc) instanceof Exported.Present p) {
                add(found, p.body());
            }
        }
        Exported plans = Exported.lookup(estate, account, region, "backup", "list-backup-plans");
        switch (plans) {
            case Exported.Present p -> {
                for (JsonNode plan : p.body().path("BackupPlansList")) {
                    followPlan(estate, account, region, plan.path("BackupPlanId").asText(""), found, gaps);
                }
            }
            default -> {
                if (!configKnows) {
                    gaps.add(plans);
                }
            }
        }
        return new BackupSelections(new ArrayList<>(found.values()), gaps);
    }

    private static void followPlan(Estate estate, String account, String region, String planId,
                                   Map<String, BackupSelection> found, List<Exported> gaps) {
        if (planId.isBlank()) {
            return;
        }
        Exported list = Exported.lookup(estate, account, region, "backup", "list-backup-selections", planId);
        if (!(list instanceof Exported.Present present)) {
            gaps.add(list);
            return;
        }
        for (JsonNode s : present.body().path("BackupSelectionsList")) {
            String selectionId = s.path("SelectionId").asText("");
            if (selectionId.isBlank() || found.containsKey(planId + "/" + selectionId)) {
                continue;
            }
            Exported detail = Exported.lookup(estate, account, region, "backup", "get-backup-selection",
                    planId + "." + selectionId);
            if (detail instanceof Exported.Present p) {
                add(found, p.body());
            } else {
                gaps.add(detail);
            }
        }
    }

    private static void add(Map<String, BackupSelection> found, JsonNode body) {
        String planId = body.path("BackupPlanId").asText("");
        String selectionId = body.path("SelectionId").asText("");
        found.put(planId + "/" + selectionId, BackupSelection.of(planId, body.path("BackupSelection")));
    }
}
