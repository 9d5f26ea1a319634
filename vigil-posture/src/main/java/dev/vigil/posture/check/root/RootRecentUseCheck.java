package dev.vigil.posture.check.root;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.check.Verdicts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * root.no_recent_use: no root use within the policy's root-use window before {@code Estate.now}. Evidence, in
 * order: root uses seen in the CloudTrail logs given (event, time and source IP to name), then the credential
 * report's last-use dates (password and both access keys). CloudTrail logs can prove a recent use but not its
 * absence (Vigil cannot tell what period they cover), so without a credential report only FAIL or ERROR is possible.
 */
final class RootRecentUseCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata("root.no_recent_use",
            "The root user has not been used recently", "Root account", Severity.HIGH, Verdicts.ACCOUNT,
            "Day-to-day work never needs the root user, so any recent use is either one of the few tasks that "
                    + "require it, which someone should be able to name, or someone else holding its credentials. "
                    + "The window is the policy's root-use-window (90 days unless set).",
            new Remediation("Find out who used the root user and why (the CloudTrail event names the source IP); "
                    + "if it was not an expected root-only task, rotate the root password, replace its MFA and "
                    + "review the account. Use IAM roles for everyday work.",
                    "aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root "
                            + "--max-results 50\n"
                            + "aws iam generate-credential-report && aws iam get-credential-report",
                    "",
                    "resource \"aws_organizations_policy\" \"deny_root\" {\n"
                            + "  name    = \"deny-root-user\"\n"
                            + "  content = jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Deny\","
                            + " Action = \"*\", Resource = \"*\",\n"
                            + "    Condition = { StringLike = { \"aws:PrincipalArn\" = \"arn:aws:iam::*:root\" } } }] })\n"
                            + "}"),
            List.of("iam:GetCredentialReport", "cloudtrail:LookupEvents", "s3:GetObject"));

    private static final List<String> LAST_USED = List.of("password_last_used", "access_key_1_last_used_date",
            "access_key_2_last_used_date");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        Duration window = estate.policy().rootUseWindow();
        Instant since = estate.now().minus(window);
        String windowText = window.toDays() + "-day";
        List<CheckResult> out = new ArrayList<>();
        // An account known only from CloudTrail root uses is still judged: the use is the finding.
        Set<String> accounts = new TreeSet<>(estate.accounts());
        estate.rootActivity().stream().map(RootUse::account)
                .filter(a -> a != null && a.matches("\\d{12}")).forEach(accounts::add);
        for (String account : accounts) {
            // Uses after the evaluation time (an --at in the past) say nothing about the window before it.
            long later = estate.rootActivity().stream()
                    .filter(u -> account.equals(u.account()) && u.time() != null && u.time().isAfter(estate.now()))
                    .count();
            String laterNote = later == 0 ? "" : " (" + later + " root use(s) after the evaluation time "
                    + estate.now() + " were not counted)";
            Optional<RootUse> latest = estate.rootActivity().stream()
                    .filter(u -> account.equals(u.account()) && u.time() != null && !u.time().isAfter(estate.now()))
                    .max(Comparator.comparing(RootUse::time));
            if (latest.isPresent() && !latest.get().time().isBefore(since)) {
                RootUse u = latest.get();
                out.add(v.scope(CheckStatus.FAIL, account, RootEvidence.GLOBAL, "The root user was used at " + u.time()
                        + " (" + Verdicts.clip(u.eventName()) + " from " + Verdicts.clip(u.sourceIp())
                        + "), within the " + windowText + " window; confirm who did it and why."));
                continue;
            }
            RootEvidence e = RootEvidence.of(estate, account);
            Optional<CredentialReport> report = e.parsedReport();
            if (report.isPresent()) {
                out.add(withNote(fromReport(v, account, report.get(), since, estate.now(), windowText), laterNote));
            } else {
                // CloudTrail can prove a recent use, never the absence of one: Vigil cannot tell what period the
                // logs given cover.
                String seen = latest.map(u -> "the latest root use in the CloudTrail logs given was at " + u.time()
                        + ", before the window, but those logs may not cover it, and there is ")
                        .orElse("no root use appears in the CloudTrail logs given (if any), which proves nothing "
                                + "without knowing the period they cover, and there is ");
                out.add(withNote(v.scope(CheckStatus.ERROR, account, RootEvidence.GLOBAL, e.reportUnavailableReason(seen)),
                        laterNote));
            }
        }
        return out;
    }

    /** Appends a parenthesis before the reason's final full stop. */
    private static CheckResult withNote(CheckResult r, String note) {
        if (note.isEmpty()) {
            return r;
        }
        String reason = r.reason().endsWith(".") ? r.reason().substring(0, r.reason().length() - 1) : r.reason();
        return new CheckResult(r.checkId(), r.status(), r.account(), r.region(), r.resourceType(), r.resource(),
                reason + note + ".");
    }

    private static CheckResult fromReport(Verdicts v, String account, CredentialReport report, Instant since,
                                          Instant now, String windowText) {
        String lastColumn = null;
        Instant last = null;
        for (String column : LAST_USED) {
            Optional<Instant> t = report.time(column);
            if (t.isPresent() && (last == null || t.get().isAfter(last))) {
                last = t.get();
                lastColumn = column;
            }
        }
        String asOf = report.generatedTime().map(t -> " (report generated " + t + ")").orElse("");
        if (last == null) {
            return v.scope(CheckStatus.PASS, account, RootEvidence.GLOBAL, "The credential report records no use of the "
                    + "root user's password or access keys" + asOf + ".");
        }
        if (last.isAfter(now)) {
            // The report only keeps the latest use: one made after the evaluation time hides any earlier use.
            return v.scope(CheckStatus.ERROR, account, RootEvidence.GLOBAL, "The credential report shows the root "
                    + "user's " + lastColumn.replace('_', ' ') + " at " + last + asOf + ", after the evaluation time "
                    + now + ", so it cannot tell whether the root user was used in the " + windowText
                    + " window before; use a credential report generated before that time.");
        }
        if (!last.isBefore(since)) {
            return v.scope(CheckStatus.FAIL, account, RootEvidence.GLOBAL, "The credential report shows the root user's "
                    + lastColumn.replace('_', ' ') + " at " + last + asOf + ", within the " + windowText
                    + " window; confirm who did it and why.");
        }
        return v.scope(CheckStatus.PASS, account, RootEvidence.GLOBAL, "The root user was last used at " + last + " ("
                + lastColumn.replace('_', ' ') + ")" + asOf + ", before the " + windowText + " window.");
    }
}
