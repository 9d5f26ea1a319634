package dev.vigil.posture.check.root;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Verdicts;

import java.util.Optional;

/**
 * What an account's IAM exports say about its root user: {@code iam get-account-summary} (current, authoritative)
 * and the credential report (up to four hours old, but with last-use dates). Both live under region {@code global}.
 */
final class RootEvidence {

    static final String GLOBAL = "global";

    final Exported summary;
    final Exported reportExport;
    final CredentialReport.Reading report;

    private RootEvidence(Exported summary, Exported reportExport) {
        this.summary = summary;
        this.reportExport = reportExport;
        this.report = reportExport instanceof Exported.Present p ? CredentialReport.read(p.body()) : null;
    }

    static RootEvidence of(Estate estate, String account) {
        return new RootEvidence(Exported.lookup(estate, account, GLOBAL, "iam", "get-account-summary"),
                Exported.lookup(estate, account, GLOBAL, "iam", "get-credential-report"));
    }

    /** A numeric SummaryMap entry, when the summary was exported and holds a number there. */
    Optional<Integer> summaryValue(String key) {
        if (summary instanceof Exported.Present p) {
            JsonNode v = p.body().path("SummaryMap").path(key);
            if (v.isIntegralNumber()) {
                return Optional.of(v.intValue());
            }
        }
        return Optional.empty();
    }

    Optional<CredentialReport> parsedReport() {
        return report instanceof CredentialReport.Reading.Parsed p ? Optional.of(p.report()) : Optional.empty();
    }

    /**
     * Why neither source could answer: a recorded failure is quoted first, then an unreadable report, else the
     * missing summary export is named (with the report as the alternative).
     */
    String unavailableReason() {
        if (summary instanceof Exported.Failed) {
            return Verdicts.unavailableReason(summary);
        }
        if (reportExport instanceof Exported.Failed) {
            return Verdicts.unavailableReason(reportExport);
        }
        if (report instanceof CredentialReport.Reading.Unreadable) {
            return reportUnavailableReason("");
        }
        String missing = summary instanceof Exported.Missing ? Verdicts.unavailableReason(summary) : "Not judged.";
        return missing.substring(0, missing.length() - 1) + "; the credential report (iam.get-credential-report.json) "
                + "also answers it.";
    }

    /** Why the credential report cannot answer; {@code context} leads the missing-export sentence. */
    String reportUnavailableReason(String context) {
        return switch (reportExport) {
            case Exported.Failed f -> Verdicts.unavailableReason(f);
            case Exported.Missing m -> "Not judged: " + context + "no export of `" + m.cliCall() + "`; add it as "
                    + m.expectedFile() + " (or run with --live).";
            case Exported.Present p -> report instanceof CredentialReport.Reading.Unreadable u
                    ? "Not judged: the exported credential report cannot be used (" + u.why() + "); run `aws iam "
                    + "generate-credential-report`, then export `aws iam get-credential-report` again."
                    : "Not judged.";
        };
    }
}
