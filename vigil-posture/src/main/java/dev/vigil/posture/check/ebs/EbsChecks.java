package dev.vigil.posture.check.ebs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
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

    /** One verdict per live volume; an account without volumes gets one NOT_APPLICABLE saying so. */
    static List<CheckResult> eachVolume(Estate estate, Verdicts v, Function<Resource, CheckResult> judge) {
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            List<Resource> volumes = estate.inventory().ofType(VOLUME, account).toList();
            if (volumes.isEmpty()) {
                out.add(v.scope(CheckStatus.NOT_APPLICABLE, account, "",
                        "No EBS volumes are recorded for this account; if it has volumes, include its AWS Config data."));
            }
            volumes.forEach(vol -> out.add(judge.apply(vol)));
        }
        return out;
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
