package dev.vigil.posture.check.ebs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.InventoryScope;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The EBS checks: volume encryption and encryption by default ("Encryption"), and backup coverage of attached
 * volumes by AWS Backup or Data Lifecycle Manager ("Resilience").
 */
public final class EbsChecks {

    static final String VOLUME = "AWS::EC2::Volume";

    private EbsChecks() {
    }

    public static List<Check> checks() {
        return List.of(new VolumeEncryptionCheck(), new EbsDefaultEncryptionCheck(), new BackupCoverageCheck());
    }

    /** One verdict per live volume; an account without volumes gets one verdict saying why. */
    static List<CheckResult> eachVolume(Estate estate, Verdicts v, Function<Resource, CheckResult> judge) {
        return InventoryScope.eachResource(estate, v, VOLUME, "EBS volumes", judge);
    }

    /** The volume state; Config writes it as text or as {@code {"value": ...}}. */
    static String state(Resource volume) {
        JsonNode state = volume.config("state");
        return state.isObject() ? state.path("value").asText("") : state.asText("");
    }

    /** Instance ids the volume is attached to. */
    static List<String> attachedInstances(Resource volume) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : volume.config("attachments")) {
            String id = a.path("instanceId").asText("");
            if (!id.isBlank()) {
                out.add(id);
            }
        }
        return out;
    }
}
