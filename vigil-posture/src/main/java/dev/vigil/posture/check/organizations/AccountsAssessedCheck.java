package dev.vigil.posture.check.organizations;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * organizations.accounts_assessed: every active account the organisation lists has some inventory or export in
 * the inputs. An account nobody exported is the account nobody looked at; every other check silently skips it.
 */
final class AccountsAssessedCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata("organizations.accounts_assessed",
            "Every active account in the organisation was assessed", "Organizations", Severity.MEDIUM,
            Verdicts.ACCOUNT,
            "A posture report is only as complete as its inputs. Accounts created outside the usual pipeline, "
                    + "forgotten sandboxes and newly joined accounts are exactly the ones missing from exports, "
                    + "and the ones most likely to be misconfigured; this check makes their absence visible.",
            new Remediation("Export AWS Config data (ideally through an organisation aggregator) and the "
                    + "supplementary CLI exports for each listed account, or run `vigil posture --live` with a role "
                    + "that can be assumed in every member account.",
                    "aws organizations list-accounts --output json > supplementary/<management-account>/global/"
                            + "organizations.list-accounts.json\n"
                            + "aws configservice put-configuration-aggregator --configuration-aggregator-name org "
                            + "--organization-aggregation-source RoleArn=<aggregator-role-arn>,AllAwsRegions=true",
                    "OrgAggregator:\n"
                            + "  Type: AWS::Config::ConfigurationAggregator\n"
                            + "  Properties:\n"
                            + "    ConfigurationAggregatorName: org\n"
                            + "    OrganizationAggregationSource:\n"
                            + "      RoleArn: <aggregator-role-arn>\n"
                            + "      AllAwsRegions: true",
                    ""),
            List.of("organizations:ListAccounts"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        List<Exported> exports = OrgExports.all(estate, "list-accounts");
        if (exports.isEmpty()) {
            return List.of(v.named(CheckStatus.NOT_APPLICABLE, "", OrgExports.GLOBAL, Verdicts.ACCOUNT, "organization",
                    "No `aws organizations list-accounts` export was given, so there is no account list to compare "
                            + "with; add it as supplementary/<management-account>/global/organizations.list-accounts.json."));
        }
        Optional<Exported.Failed> failed = OrgExports.allFailed(exports);
        if (failed.isPresent()) {
            return List.of(v.named(CheckStatus.ERROR, "", OrgExports.GLOBAL, Verdicts.ACCOUNT, "organization",
                    Verdicts.unavailableReason(failed.get())));
        }
        Map<String, String> active = new LinkedHashMap<>();
        for (JsonNode account : OrgExports.items(exports, "Accounts")) {
            String id = account.path("Id").asText("");
            if (id.matches("\\d{12}") && isActive(account)) {
                active.putIfAbsent(id, account.path("Name").asText(""));
            }
        }
        List<CheckResult> out = new ArrayList<>();
        for (Map.Entry<String, String> a : active.entrySet()) {
            String id = a.getKey();
            String label = "Account " + id + (a.getValue().isEmpty() ? "" : " (" + Verdicts.clip(a.getValue()) + ")");
            boolean inventory = estate.inventory().accounts().contains(id);
            boolean exported = estate.supplements().accounts().contains(id);
            out.add(inventory || exported
                    ? v.scope(CheckStatus.PASS, id, OrgExports.GLOBAL, label + " has " + (inventory && exported
                    ? "inventory and exports" : inventory ? "inventory" : "exports") + " in the inputs.")
                    : v.scope(CheckStatus.FAIL, id, OrgExports.GLOBAL, label + " has no data: it was not assessed; "
                    + "export its Config inventory and supplementary data, or include it in the live run."));
        }
        if (out.isEmpty()) {
            out.add(v.named(CheckStatus.NOT_APPLICABLE, "", OrgExports.GLOBAL, Verdicts.ACCOUNT, "organization",
                    "The exported account list names no active account."));
        }
        return out;
    }

    /** Organizations reports {@code State} (newer) and {@code Status} (older); either saying ACTIVE counts. */
    private static boolean isActive(JsonNode account) {
        JsonNode state = account.path("State");
        if (state.isTextual()) {
            return state.textValue().equals("ACTIVE");
        }
        return account.path("Status").asText("ACTIVE").equals("ACTIVE");
    }
}
