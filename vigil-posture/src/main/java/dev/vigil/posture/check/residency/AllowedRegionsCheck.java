package dev.vigil.posture.check.residency;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * residency.allowed_regions: every live regional resource sits in a region of the policy's allowed-regions.
 *
 * <p>Output shape (a decision): one FAIL per resource outside the allow-list, because each needs its own action;
 * compliant resources are summarised in one PASS per account (count per region), whatever their number, so a large
 * estate does not bury the failures under thousands of identical PASS rows. An account with failures gets no PASS
 * row. Global-service resources are counted in the summary but never judged; an account with only those is
 * NOT_APPLICABLE, and an account with no inventory at all is ERROR (its resources were not seen).
 */
final class AllowedRegionsCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata("residency.allowed_regions",
            "Resources exist only in allowed regions", "Data residency", Severity.HIGH, Verdicts.ACCOUNT,
            "Data protection law and contracts often require data to stay in named jurisdictions. A bucket, "
                    + "database or volume created in another region, by mistake or by a compromised principal "
                    + "mining in an unwatched region, breaks that promise and usually escapes regional monitoring.",
            new Remediation("Move or delete the resource, or add its region to allowed-regions if the placement "
                    + "is approved. Prevent recurrence with an SCP denying requests outside the allowed regions.",
                    "aws resourcegroupstaggingapi get-resources --region <region>\n"
                            + "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name deny-other-regions "
                            + "--description 'Data residency' --content file://deny-other-regions.json\n"
                            + "aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>",
                    "",
                    "resource \"aws_organizations_policy\" \"deny_other_regions\" {\n"
                            + "  name = \"deny-other-regions\"\n"
                            + "  type = \"SERVICE_CONTROL_POLICY\"\n"
                            + "  content = jsonencode({ Version = \"2012-10-17\", Statement = [{\n"
                            + "    Effect = \"Deny\", NotAction = [\"iam:*\", \"organizations:*\", \"route53:*\", "
                            + "\"cloudfront:*\", \"sts:*\", \"support:*\"], Resource = \"*\",\n"
                            + "    Condition = { StringNotEquals = { \"aws:RequestedRegion\" = [\"<allowed-region>\"] } } }] })\n"
                            + "}"),
            List.of("config:ListDiscoveredResources", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        Set<String> allowed = new TreeSet<>(estate.policy().allowedRegions());
        if (allowed.isEmpty()) {
            return List.of(v.named(CheckStatus.NOT_APPLICABLE, "", "", Verdicts.ACCOUNT, "organization",
                    "The posture policy sets no allowed-regions, so there is no residency rule to check."));
        }
        String allowedText = String.join(", ", allowed);
        Map<String, List<Resource>> byAccount = new TreeMap<>();
        for (Resource r : estate.inventory().live()) {
            byAccount.computeIfAbsent(r.account(), a -> new ArrayList<>()).add(r);
        }
        List<CheckResult> out = new ArrayList<>();
        Set<String> accounts = new TreeSet<>(estate.accounts());
        accounts.addAll(byAccount.keySet());
        for (String account : accounts) {
            List<Resource> resources = byAccount.getOrDefault(account, List.of());
            if (resources.isEmpty()) {
                out.add(v.scope(CheckStatus.ERROR, account, "", "Not judged: there is no AWS Config inventory for "
                        + "this account; add its Config snapshot or configuration history (or run with --live)."));
                continue;
            }
            Map<String, Integer> inAllowed = new TreeMap<>();
            int global = 0;
            int failures = 0;
            for (Resource r : resources) {
                if (GlobalServices.isGlobal(r)) {
                    global++;
                } else if (allowed.contains(r.region())) {
                    inAllowed.merge(r.region(), 1, Integer::sum);
                } else {
                    failures++;
                    out.add(v.fail(r, "It is in " + Verdicts.clip(r.region()) + ", outside the allowed regions ("
                            + allowedText + "); move or delete it, or approve the region in allowed-regions."));
                }
            }
            String globalText = global == 0 ? "" : "; " + global + " global-service resource(s) are not bound to a region";
            if (failures == 0 && !inAllowed.isEmpty()) {
                int total = inAllowed.values().stream().mapToInt(Integer::intValue).sum();
                List<String> perRegion = new ArrayList<>();
                inAllowed.forEach((region, n) -> perRegion.add(region + ": " + n));
                out.add(v.scope(CheckStatus.PASS, account, "", "All " + total + " regional resource(s) are in allowed "
                        + "regions (" + String.join(", ", perRegion) + ")" + globalText + "."));
            } else if (failures == 0) {
                out.add(v.scope(CheckStatus.NOT_APPLICABLE, account, "", "The account's inventory holds only "
                        + "global-service resources (" + global + "), which residency does not apply to."));
            }
        }
        return out;
    }
}
