package dev.vigil.cli.bench;

import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingSort;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The page queries the benchmark times: what an analyst types after {@code vigil findings list}, each as the
 * {@link FindingQuery} the command builds (first page of 100, ACTIVE findings unless a filter says otherwise).
 * Relative times ({@code --since 7d}) are taken from {@link BenchCatalog#DATA_END}, the newest activity in the
 * data, so the same share of findings matches whenever the benchmark runs.
 */
final class BenchQueries {

    /**
     * One timed query.
     *
     * @param arguments the {@code vigil findings list} arguments it stands for (empty: the defaults, ACTIVE
     *                  findings in severity order)
     * @param query     the query the command runs
     */
    record Case(String arguments, FindingQuery query) {
    }

    private BenchQueries() {
    }

    static List<Case> all() {
        FindingQuery page = FindingQuery.all();
        String account = BenchCatalog.ACCOUNTS.get(3);
        Instant week = BenchCatalog.DATA_END.minus(Duration.ofDays(7));
        Instant month = BenchCatalog.DATA_END.minus(Duration.ofDays(30));
        return List.of(
                new Case("", page),
                new Case("--severity high", page.withMinSeverity(Severity.HIGH)),
                new Case("--account " + account, page.withAccount(account)),
                new Case("--region eu-west-1", page.withRegion("eu-west-1")),
                new Case("--product GuardDuty", page.withProduct("GuardDuty")),
                new Case("--type 'UnauthorizedAccess:*'", page.withTypeGlob("UnauthorizedAccess:*")),
                new Case("--workflow NEW", page.withWorkflows(Set.of(Workflow.NEW))),
                new Case("--rule 'vigil-s3-*'", page.withRuleId("vigil-s3-*")),
                new Case("--principal admin", page.withPrincipalContaining("admin")),
                new Case("--resource payroll", page.withResourceContaining("payroll")),
                new Case("--since 7d", page.withSince(week)),
                new Case("--sort risk", page.withSort(FindingSort.RISK)),
                new Case("--severity high --account " + account + " --since 30d",
                        page.withMinSeverity(Severity.HIGH).withAccount(account).withSince(month)),
                new Case("--product GuardDuty --region us-east-1 --workflow NEW --sort risk",
                        page.withProduct("GuardDuty").withRegion("us-east-1").withWorkflows(Set.of(Workflow.NEW))
                                .withSort(FindingSort.RISK)));
    }
}
