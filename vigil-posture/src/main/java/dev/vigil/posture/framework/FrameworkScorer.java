package dev.vigil.posture.framework;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores a framework on a run's check results.
 *
 * <p>A requirement's status, from the results of the checks mapped to it:
 * <ol>
 *   <li>MANUAL when the requirement is manual (no check can judge it);</li>
 *   <li>FAIL when any mapped result FAILs;</li>
 *   <li>ERROR when none fails but one is ERROR, or a mapped check produced no result at all (it was not judged
 *       fully: a requirement never passes on the strength of half its checks);</li>
 *   <li>MANUAL when a check itself asked for a person on some resource;</li>
 *   <li>PASS when at least one result PASSes and the rest are NOT_APPLICABLE (nothing in scope is no objection);</li>
 *   <li>NOT_APPLICABLE when every result is NOT_APPLICABLE.</li>
 * </ol>
 * Sections and the framework are tallied over their requirements ({@link Tally}: score = passed / (passed +
 * failed)). Per account, each automated requirement is judged the same way on that account's results only, and a
 * requirement with no result in the account is left out of that account's tally.
 *
 * <p>Deterministic: requirements and sections keep the framework's order, accounts are sorted, results keep input
 * order.
 */
public final class FrameworkScorer {

    private FrameworkScorer() {
    }

    public static FrameworkScore score(Framework framework, List<CheckResult> results) {
        Map<String, List<CheckResult>> byCheck = new LinkedHashMap<>();
        Set<String> accounts = new TreeSet<>();
        for (CheckResult r : results) {
            byCheck.computeIfAbsent(r.checkId(), k -> new ArrayList<>()).add(r);
            accounts.add(r.account());
        }
        List<RequirementScore> requirements = new ArrayList<>();
        for (Requirement req : framework.requirements()) {
            requirements.add(judge(req, byCheck));
        }
        List<SectionScore> sections = new ArrayList<>();
        for (String section : framework.sections()) {
            Tally t = Tally.EMPTY;
            for (RequirementScore rs : requirements) {
                if (rs.requirement().section().equals(section)) {
                    t = t.plus(rs.status());
                }
            }
            sections.add(new SectionScore(section, t));
        }
        List<AccountScore> perAccount = new ArrayList<>();
        for (String account : accounts) {
            perAccount.add(new AccountScore(account, accountTally(framework, byCheck, account)));
        }
        Tally overall = Tally.of(requirements.stream().map(RequirementScore::status).toList());
        return new FrameworkScore(framework, requirements, sections, perAccount, overall);
    }

    /** Scores several frameworks on the same results, in the order given. */
    public static List<FrameworkScore> scoreAll(Collection<Framework> frameworks, List<CheckResult> results) {
        List<FrameworkScore> out = new ArrayList<>();
        for (Framework f : frameworks) {
            out.add(score(f, results));
        }
        return out;
    }

    private static RequirementScore judge(Requirement req, Map<String, List<CheckResult>> byCheck) {
        if (req.manual()) {
            return new RequirementScore(req, CheckStatus.MANUAL, List.of(), List.of());
        }
        List<CheckResult> mapped = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (String check : req.checks()) {
            List<CheckResult> got = byCheck.getOrDefault(check, List.of());
            if (got.isEmpty()) {
                unanswered.add(check);
            }
            mapped.addAll(got);
        }
        Set<CheckStatus> seen = EnumSet.noneOf(CheckStatus.class);
        mapped.forEach(r -> seen.add(r.status()));
        if (!unanswered.isEmpty() && !seen.contains(CheckStatus.FAIL)) {
            seen.add(CheckStatus.ERROR);
        }
        return new RequirementScore(req, combine(seen), mapped, unanswered);
    }

    /**
     * The status a set of result statuses gives a requirement, by the precedence FAIL, ERROR, MANUAL, PASS,
     * NOT_APPLICABLE. No status at all is ERROR: nothing judged it.
     */
    public static CheckStatus combine(Collection<CheckStatus> statuses) {
        for (CheckStatus s : List.of(CheckStatus.FAIL, CheckStatus.ERROR, CheckStatus.MANUAL, CheckStatus.PASS,
                CheckStatus.NOT_APPLICABLE)) {
            if (statuses.contains(s)) {
                return s;
            }
        }
        return CheckStatus.ERROR;
    }

    private static Tally accountTally(Framework framework, Map<String, List<CheckResult>> byCheck, String account) {
        Tally t = Tally.EMPTY;
        for (Requirement req : framework.requirements()) {
            if (req.manual()) {
                continue;
            }
            Set<CheckStatus> seen = EnumSet.noneOf(CheckStatus.class);
            for (String check : req.checks()) {
                for (CheckResult r : byCheck.getOrDefault(check, List.of())) {
                    if (r.account().equals(account)) {
                        seen.add(r.status());
                    }
                }
            }
            if (!seen.isEmpty()) {
                t = t.plus(combine(seen));
            }
        }
        return t;
    }
}
