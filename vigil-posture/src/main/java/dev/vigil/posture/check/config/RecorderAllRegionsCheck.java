package dev.vigil.posture.check.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * In every enabled region of every account an AWS Config recorder exists, is recording all supported resource
 * types and last delivered successfully; and in each account at least one region records the global (IAM) types.
 * Recorders come from {@code configservice describe-configuration-recorders}, falling back to
 * AWS::Config::ConfigurationRecorder items; their state from {@code describe-configuration-recorder-status}.
 */
final class RecorderAllRegionsCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "config.recorder_all_regions",
            "AWS Config records all resource types in every enabled region",
            "AWS Config", Severity.MEDIUM, Verdicts.ACCOUNT,
            "AWS Config is the estate's memory: what existed, how it was configured and when it changed. A region "
                    + "without a recorder is a region where resources can be created and changed with no record, "
                    + "which is exactly where an intruder would go. Global types such as IAM need recording in one region.",
            new Remediation("Create a recorder for all supported types in each enabled region (global types in one "
                    + "region), give it a delivery channel, and start it.",
                    """
                    aws configservice put-configuration-recorder --region <region> --configuration-recorder \\
                        name=default,roleARN=<config-role-arn> \\
                        --recording-group allSupported=true,includeGlobalResourceTypes=true
                    aws configservice start-configuration-recorder --region <region> --configuration-recorder-name default""",
                    """
                    Recorder:
                      Type: AWS::Config::ConfigurationRecorder
                      Properties:
                        RoleARN: <config-role-arn>
                        RecordingGroup:
                          AllSupported: true
                          IncludeGlobalResourceTypes: true""",
                    """
                    resource "aws_config_configuration_recorder" "main" {
                      role_arn = "<config-role-arn>"
                      recording_group {
                        all_supported                 = true
                        include_global_resource_types = true
                      }
                    }
                    resource "aws_config_configuration_recorder_status" "main" {
                      name       = aws_config_configuration_recorder.main.name
                      is_enabled = true
                    }"""),
            List.of("config:DescribeConfigurationRecorders", "config:DescribeConfigurationRecorderStatus",
                    "config:BatchGetResourceConfig"));

    /** One recorder's settings, from the CLI (camelCase) or a CloudFormation-style Config item (PascalCase). */
    private record Recorder(String name, boolean allSupported, boolean globalTypes, Optional<Boolean> recordingFlag,
                            String strategy) {
        static Recorder of(JsonNode r) {
            JsonNode group = Json.either(r, "recordingGroup");
            String strategy = Json.text(Json.either(Json.either(group, "recordingStrategy"), "useOnly"));
            boolean all = Json.flag(Json.either(group, "allSupported")) || strategy.equals("ALL_SUPPORTED_RESOURCE_TYPES");
            boolean global = Json.flag(Json.either(group, "includeGlobalResourceTypes"));
            for (JsonNode type : Json.either(group, "resourceTypes")) {
                global |= Json.text(type).startsWith("AWS::IAM::");
            }
            JsonNode recording = Json.either(r, "recording");
            return new Recorder(Json.text(Json.either(r, "name")), all, global,
                    recording.isBoolean() ? Optional.of(recording.asBoolean()) : Optional.empty(), strategy);
        }
    }

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            if (estate.enabledRegions(account).isEmpty()) {
                // Known only from Organizations: no data names a region, so say what to export rather than go quiet.
                out.add(v.unavailable(account, "", new Exported.Missing(account, "<region>", "configservice", "describe-configuration-recorders", "")));
                continue;
            }
            GlobalTypes global = new GlobalTypes();
            for (String region : estate.enabledRegions(account)) {
                Exported listed = Exported.lookup(estate, account, region, "configservice", "describe-configuration-recorders");
                List<Recorder> recorders = new ArrayList<>();
                if (listed instanceof Exported.Present p) {
                    p.body().path("ConfigurationRecorders").forEach(r -> { if (r.isObject()) recorders.add(Recorder.of(r)); });
                } else {
                    List<Resource> items = estate.inventory().ofType("AWS::Config::ConfigurationRecorder", account)
                            .filter(r -> r.region().equals(region)).toList();
                    if (items.isEmpty()) {
                        CheckResult unknown = v.unavailable(account, region, listed);
                        global.unknown(unknown);
                        out.add(unknown);
                        continue;
                    }
                    items.forEach(r -> recorders.add(Recorder.of(r.configuration())));
                }
                global.anyRecorders = true;
                out.add(best(v, estate, account, region, recorders, global));
            }
            if (global.anyRecorders) {
                out.add(global.verdict(v, account));
            }
        }
        return out;
    }

    /**
     * Where the account's global (IAM) types are recorded. A recorder only counts when its own region verdict is
     * PASS: a stopped or failing recorder with includeGlobalResourceTypes records nothing.
     */
    private static final class GlobalTypes {
        boolean anyRecorders;
        String recordedIn;
        final List<String> brokenIn = new ArrayList<>();
        CheckResult firstUnknown;

        void unknown(CheckResult result) {
            firstUnknown = firstUnknown == null ? result : firstUnknown;
        }

        void judged(String region, Recorder recorder, CheckResult result) {
            if (!recorder.globalTypes()) {
                return;
            }
            switch (result.status()) {
                case PASS -> recordedIn = recordedIn == null ? region : recordedIn;
                case ERROR -> unknown(result);
                default -> { if (!brokenIn.contains(region)) brokenIn.add(region); }
            }
        }

        CheckResult verdict(Verdicts v, String account) {
            if (recordedIn != null) {
                return v.scope(CheckStatus.PASS, account, "global", "Global resource types (IAM) are recorded in " + recordedIn + ".");
            }
            if (firstUnknown != null) {
                // The region whose recorder cannot be judged may be the one recording IAM: never FAIL on that.
                return v.scope(CheckStatus.ERROR, account, "global", "Whether global resource types (IAM) are recorded "
                        + "depends on the recorder in " + firstUnknown.region() + ", which is not judged: "
                        + firstUnknown.reason());
            }
            if (!brokenIn.isEmpty()) {
                return v.scope(CheckStatus.FAIL, account, "global", "Global resource types (IAM) are set to be recorded only in "
                        + String.join(", ", brokenIn) + ", whose recorder is not recording successfully; fix it or set "
                        + "includeGlobalResourceTypes on a working recorder.");
            }
            return v.scope(CheckStatus.FAIL, account, "global", "No region records global resource types (IAM); "
                    + "set includeGlobalResourceTypes on the recorder of one region.");
        }
    }

    /**
     * A region may hold a customer recorder and service-linked ones; the region passes if any recorder does, and
     * otherwise reports the first recorder's problem.
     */
    private CheckResult best(Verdicts v, Estate estate, String account, String region, List<Recorder> recorders,
                             GlobalTypes global) {
        if (recorders.isEmpty()) {
            return v.scope(CheckStatus.FAIL, account, region, "No AWS Config recorder exists in this region.");
        }
        List<CheckResult> judged = new ArrayList<>();
        for (Recorder r : recorders) {
            CheckResult result = judge(v, estate, account, region, r);
            global.judged(region, r, result);
            judged.add(result);
        }
        return judged.stream().filter(r -> r.status() == CheckStatus.PASS).findFirst().orElse(judged.get(0));
    }

    private CheckResult judge(Verdicts v, Estate estate, String account, String region, Recorder recorder) {
        String name = Verdicts.clip(recorder.name());
        if (!recorder.allSupported()) {
            return v.scope(CheckStatus.FAIL, account, region, "Recorder " + name
                    + (recorder.strategy().equals("EXCLUSION_BY_RESOURCE_TYPES") ? " excludes some resource types"
                    : " records only selected resource types") + "; set allSupported so every type is recorded.");
        }
        Exported status = Exported.lookup(estate, account, region, "configservice", "describe-configuration-recorder-status");
        if (!(status instanceof Exported.Present p)) {
            if (recorder.recordingFlag().isPresent()) {
                return recorder.recordingFlag().get()
                        ? v.scope(CheckStatus.PASS, account, region, "Recorder " + name + " records all supported types and is on (per its Config item).")
                        : v.scope(CheckStatus.FAIL, account, region, "Recorder " + name + " is stopped; start it.");
            }
            return v.unavailable(account, region, status);
        }
        JsonNode state = null;
        JsonNode statuses = p.body().path("ConfigurationRecordersStatus");
        for (JsonNode s : statuses) {
            if (Json.text(s.path("name")).equals(recorder.name())) {
                state = s;
            }
        }
        if (state == null && statuses.size() == 1 && recorder.name().isEmpty()) {
            state = statuses.get(0);
        }
        if (state == null) {
            return v.scope(CheckStatus.FAIL, account, region, "Recorder " + name + " has no status: it has never been started.");
        }
        String last = Json.text(state.path("lastStatus"));
        if (!Json.flag(state.path("recording"))) {
            return v.scope(CheckStatus.FAIL, account, region, "Recorder " + name + " is stopped (recording false); start it.");
        }
        if (!last.equalsIgnoreCase("SUCCESS") && !last.equalsIgnoreCase("PENDING")) {
            String code = Json.text(state.path("lastErrorCode"));
            return v.scope(CheckStatus.FAIL, account, region, "Recorder " + name + " is on but its last status is "
                    + (last.isEmpty() ? "unknown" : Verdicts.clip(last))
                    + (code.isEmpty() ? "" : " (" + Verdicts.clip(code) + ")") + "; fix its role or delivery channel.");
        }
        return v.scope(CheckStatus.PASS, account, region, "Recorder " + name + " records all supported types and is on (last status "
                + Verdicts.clip(last) + ").");
    }
}
