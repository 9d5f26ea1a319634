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
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The security account holds an AWS Config aggregator that sees the whole organisation (an organisation source) or
 * every account in scope, in all regions. Judged once, for the security account the policy names.
 */
final class AggregatorCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "config.aggregator",
            "An AWS Config aggregator in the security account covers all accounts and regions",
            "AWS Config", Severity.LOW, Verdicts.ACCOUNT,
            "Per-account recorders answer per-account questions. An aggregator in the security account lets the "
                    + "security team query every account and region at once (which buckets are public, anywhere?) "
                    + "without holding credentials in each account.",
            new Remediation("Create an organisation aggregator in the security account (which must be a delegated "
                    + "administrator for Config) covering all regions.",
                    """
                    aws configservice put-configuration-aggregator --configuration-aggregator-name organisation \\
                        --organization-aggregation-source RoleArn=<aggregator-role-arn>,AllAwsRegions=true""",
                    """
                    Aggregator:
                      Type: AWS::Config::ConfigurationAggregator
                      Properties:
                        ConfigurationAggregatorName: organisation
                        OrganizationAggregationSource:
                          RoleArn: <aggregator-role-arn>
                          AllAwsRegions: true""",
                    """
                    resource "aws_config_configuration_aggregator" "organisation" {
                      name = "organisation"
                      organization_aggregation_source {
                        role_arn    = "<aggregator-role-arn>"
                        all_regions = true
                      }
                    }"""),
            List.of("config:DescribeConfigurationAggregators"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        String security = estate.policy().securityAccount();
        if (security.isEmpty()) {
            return estate.accounts().isEmpty() ? List.of() : List.of(v.named(CheckStatus.MANUAL, "", "", Verdicts.ACCOUNT,
                    "organisation", "No security-account is declared in posture-policy.yaml, so where the aggregator "
                            + "should live is unknown; declare it to judge this."));
        }
        List<JsonNode> aggregators = new ArrayList<>();
        Exported failure = null;
        boolean present = false;
        for (SupplementDoc doc : estate.supplements().all("configservice", "describe-configuration-aggregators")) {
            if (!doc.account().equals(security)) {
                continue;
            }
            switch (Exported.of(doc)) {
                case Exported.Present p -> {
                    present = true;
                    p.body().path("ConfigurationAggregators").forEach(aggregators::add);
                }
                case Exported.Failed f -> failure = failure == null ? f : failure;
                case Exported.Missing m -> { }
            }
        }
        if (!present) {
            Exported why = failure != null ? failure : new Exported.Missing(security,
                    estate.enabledRegions(security).stream().findFirst().orElse("us-east-1"),
                    "configservice", "describe-configuration-aggregators", "");
            return List.of(v.unavailable(security, "", why));
        }
        Set<String> regions = estate.enabledRegions(security);
        Set<String> accounts = new TreeSet<>(estate.accounts());
        String partial = null;
        for (JsonNode a : aggregators) {
            String name = Verdicts.clip(Json.text(a.path("ConfigurationAggregatorName")));
            JsonNode org = a.path("OrganizationAggregationSource");
            if (org.isObject()) {
                if (allRegions(org, regions)) {
                    return List.of(v.scope(CheckStatus.PASS, security, "", "Aggregator " + name
                            + " aggregates the whole organisation in all regions."));
                }
                partial = "Aggregator " + name + " covers the organisation but not every enabled region; set AllAwsRegions.";
                continue;
            }
            Set<String> covered = new TreeSet<>();
            boolean regionsOk = true;
            for (JsonNode source : a.path("AccountAggregationSources")) {
                source.path("AccountIds").forEach(id -> covered.add(Json.text(id)));
                regionsOk &= allRegions(source, regions);
            }
            Set<String> missing = new TreeSet<>(accounts);
            missing.removeAll(covered);
            if (!covered.isEmpty() && missing.isEmpty() && regionsOk) {
                return List.of(v.scope(CheckStatus.PASS, security, "", "Aggregator " + name + " covers all "
                        + accounts.size() + " accounts in all regions."));
            }
            if (partial == null) {
                partial = "Aggregator " + name + (missing.isEmpty() ? " misses some enabled regions"
                        : " misses " + missing.size() + " account(s), e.g. " + missing.iterator().next())
                        + "; use an organisation source with all regions.";
            }
        }
        return List.of(v.scope(CheckStatus.FAIL, security, "", partial != null ? partial
                : "The security account " + security + " has no Config aggregator."));
    }

    private static boolean allRegions(JsonNode source, Set<String> enabled) {
        if (Json.flag(source.path("AllAwsRegions"))) {
            return true;
        }
        Set<String> listed = new TreeSet<>();
        source.path("AwsRegions").forEach(r -> listed.add(Json.text(r)));
        return !enabled.isEmpty() && listed.containsAll(enabled);
    }
}
