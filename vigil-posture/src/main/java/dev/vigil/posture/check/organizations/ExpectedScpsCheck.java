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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * organizations.expected_scps: each target the posture policy names (account id, OU id or root id) has the SCPs
 * the policy expects directly attached, per {@code list-policies} (to resolve names to ids) and
 * {@code list-targets-for-policy.<id>}. Inheritance through parent OUs is not credited: the exports say nothing about
 * the OU tree, and the policy names the exact attachment point the organisation intends.
 */
final class ExpectedScpsCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata("organizations.expected_scps",
            "The expected service control policies are attached", "Organizations", Severity.HIGH,
            "AWS::Organizations::Policy",
            "Service control policies are the guardrails no account administrator can remove: denying regions, "
                    + "protecting the audit trail, stopping accounts from leaving. A guardrail detached during an "
                    + "incident or never attached to a new OU silently stops protecting anything.",
            new Remediation("Attach each missing SCP to the target named in the posture policy's expected-scps.",
                    "aws organizations list-policies --filter SERVICE_CONTROL_POLICY\n"
                            + "aws organizations attach-policy --policy-id <policy-id> --target-id <account-ou-or-root-id>",
                    "",
                    "resource \"aws_organizations_policy_attachment\" \"guardrail\" {\n"
                            + "  policy_id = \"<policy-id>\"\n"
                            + "  target_id = \"<account-ou-or-root-id>\"\n"
                            + "}"),
            List.of("organizations:ListPolicies", "organizations:ListTargetsForPolicy"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        Map<String, List<String>> expected = new TreeMap<>(estate.policy().expectedScps());
        if (expected.isEmpty()) {
            return List.of(v.named(CheckStatus.NOT_APPLICABLE, "", OrgExports.GLOBAL, METADATA.resourceType(),
                    "organization", "The posture policy expects no SCPs (expected-scps is empty), so there is nothing to check."));
        }
        String management = OrgExports.managementAccount(estate);
        List<Exported> listings = OrgExports.all(estate, "list-policies");
        Optional<Exported> unavailable = listings.isEmpty()
                ? Optional.of(new Exported.Missing(management, OrgExports.GLOBAL, "organizations", "list-policies", ""))
                : OrgExports.allFailed(listings).map(f -> f);
        List<JsonNode> policies = OrgExports.items(listings, "Policies");
        List<CheckResult> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            String target = e.getKey();
            if (unavailable.isPresent()) {
                out.add(result(v, CheckStatus.ERROR, target, Verdicts.unavailableReason(unavailable.get())));
                continue;
            }
            out.add(judge(v, estate, management, policies, target, e.getValue()));
        }
        return out;
    }

    private CheckResult judge(Verdicts v, Estate estate, String management, List<JsonNode> policies, String target,
                              List<String> wanted) {
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Exported firstUnknown = null;
        for (String want : wanted) {
            Optional<JsonNode> policy = policies.stream()
                    .filter(p -> p.path("Type").asText("SERVICE_CONTROL_POLICY").equals("SERVICE_CONTROL_POLICY"))
                    .filter(p -> p.path("Id").asText("").equals(want) || p.path("Name").asText("").equals(want))
                    .findFirst();
            if (policy.isEmpty()) {
                missing.add(Verdicts.clip(want) + " (no such SCP in the organisation)");
                continue;
            }
            String id = policy.get().path("Id").asText("");
            Exported targets = Exported.lookup(estate, management, OrgExports.GLOBAL, "organizations",
                    "list-targets-for-policy", id);
            if (!(targets instanceof Exported.Present present)) {
                unknown.add(Verdicts.clip(want));
                firstUnknown = firstUnknown == null ? targets : firstUnknown;
                continue;
            }
            boolean attached = false;
            for (JsonNode t : present.body().path("Targets")) {
                attached |= t.path("TargetId").asText("").equals(target);
            }
            if (!attached) {
                missing.add(Verdicts.clip(want));
            }
        }
        if (!missing.isEmpty()) {
            return result(v, CheckStatus.FAIL, target, "Target " + Verdicts.clip(target) + " lacks the expected SCP(s) "
                    + String.join(", ", missing) + (unknown.isEmpty() ? "" : "; not judged for " + String.join(", ", unknown))
                    + "; attach them.");
        }
        if (firstUnknown != null) {
            return result(v, CheckStatus.ERROR, target, Verdicts.unavailableReason(firstUnknown));
        }
        return result(v, CheckStatus.PASS, target, "Target " + Verdicts.clip(target) + " has every expected SCP attached ("
                + Verdicts.clip(String.join(", ", wanted)) + ").");
    }

    private static CheckResult result(Verdicts v, CheckStatus status, String target, String reason) {
        String account = target.matches("\\d{12}") ? target : "";
        String type = target.matches("\\d{12}") ? "AWS::Organizations::Account"
                : target.startsWith("ou-") ? "AWS::Organizations::OrganizationalUnit"
                : target.startsWith("r-") ? "AWS::Organizations::Root" : "AWS::Organizations::Target";
        return v.named(status, account, OrgExports.GLOBAL, type, target, reason);
    }
}
