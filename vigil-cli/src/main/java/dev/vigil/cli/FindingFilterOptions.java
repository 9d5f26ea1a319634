package dev.vigil.cli;

import dev.vigil.hub.FindingQuery;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The filters of {@code findings list} and {@code findings export}, in Security Hub's terms; set filters combine with AND. */
final class FindingFilterOptions {

    @Option(names = "--severity", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Only findings at or above this severity.")
    Severity severity;

    @Option(names = "--rule", paramLabel = "ID", description = "Rule id (for imports: the product's finding type), "
            + "exact or a glob with * (e.g. 'vigil-cloudtrail-*').")
    String rule;

    @Option(names = "--type", paramLabel = "GLOB", description = "A finding type, exact or a glob with * "
            + "(e.g. 'TTPs/Defense Evasion/*', 'Recon:IAMUser/*').")
    String type;

    @Option(names = "--product", paramLabel = "NAME", description = "Reporting product, exact: Vigil, GuardDuty, an ASFF "
            + "product name…")
    String product;

    @Option(names = "--account", paramLabel = "ID", description = "AWS account id.")
    String account;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region.")
    String region;

    @Option(names = "--principal", paramLabel = "TEXT", description = "Principal containing TEXT (any case).")
    String principal;

    @Option(names = "--resource", paramLabel = "TEXT", description = "Resource containing TEXT (any case).")
    String resource;

    @Option(names = "--workflow", paramLabel = "STATUS", split = ",",
            description = "Workflow status, one or more of NEW, NOTIFIED, SUPPRESSED, RESOLVED (comma-separated; "
                    + "default: all).")
    List<String> workflows;

    @Option(names = "--record-state", paramLabel = "STATE", defaultValue = "active",
            description = "active (default), archived, or all.")
    String recordState;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Activity at or after TIME (ISO-8601, a date, or an age like 24h, 7d).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Activity before TIME.")
    String until;

    /** The query these filters describe, from {@link FindingQuery#all()} (first page, severity order). */
    FindingQuery query(Clock clock) {
        try {
            List<Workflow> wf = new ArrayList<>();
            if (workflows != null) {
                for (String w : workflows) {
                    wf.add(Workflow.parse(w));
                }
            }
            return FindingQuery.all().withMinSeverity(severity).withRuleId(rule).withTypeGlob(type)
                    .withProduct(product).withAccount(account).withRegion(region).withPrincipalContaining(principal)
                    .withResourceContaining(resource).withWorkflows(wf).withRecordState(recordState())
                    .withSince(since == null ? null : TimeArgument.parse(since, "--since", clock))
                    .withUntil(until == null ? null : TimeArgument.parse(until, "--until", clock));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private RecordState recordState() {
        return switch (recordState.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> null;
            case "active" -> RecordState.ACTIVE;
            case "archived" -> RecordState.ARCHIVED;
            default -> throw new UserError("--record-state '" + recordState + "' is not one of active, archived, all");
        };
    }
}
