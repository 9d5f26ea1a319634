package dev.vigil.cli;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.framework.FrameworkScore;
import dev.vigil.posture.framework.PostureReport;
import dev.vigil.posture.framework.SectionScore;
import dev.vigil.posture.framework.Tally;
import dev.vigil.report.ComplianceSection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML report's compliance section from a scored posture run. vigil-posture knows nothing of the report module,
 * so the two meet here: the same {@link PostureReport} the terminal printer renders, field for field.
 */
final class PostureCompliance {

    private PostureCompliance() {
    }

    /**
     * @param report the scored run ({@code PostureReport.of(frameworks, results, catalogue)})
     * @param notes  lines shown as they are, e.g. how many inputs were read and skipped
     */
    static ComplianceSection section(PostureReport report, List<String> notes) {
        List<ComplianceSection.FrameworkScore> frameworks = new ArrayList<>();
        for (FrameworkScore f : report.frameworks()) {
            List<ComplianceSection.SectionScore> sections = new ArrayList<>();
            for (SectionScore s : f.sections()) {
                Tally t = s.tally();
                sections.add(new ComplianceSection.SectionScore(s.section(), score(t), t.passed(), t.failed(),
                        t.errors(), t.manual()));
            }
            Tally t = f.overall();
            frameworks.add(new ComplianceSection.FrameworkScore(f.framework().id(), f.framework().displayName(),
                    score(t), t.passed(), t.failed(), t.errors(), t.manual(), t.notApplicable(), sections));
        }
        List<ComplianceSection.Failure> failures = new ArrayList<>();
        for (PostureReport.Failure f : report.failures()) {
            CheckResult r = f.result();
            failures.add(new ComplianceSection.Failure(r.checkId(), f.title(), f.severity().caption(), r.account(),
                    r.region(), r.resource(), r.reason()));
        }
        List<ComplianceSection.StatusCount> counts = new ArrayList<>();
        for (Map.Entry<CheckStatus, Long> e : report.checkCounts().entrySet()) {
            if (e.getValue() > 0) {
                counts.add(new ComplianceSection.StatusCount(e.getKey().name(), e.getValue()));
            }
        }
        return new ComplianceSection(frameworks, failures, counts, notes);
    }

    /** The report's convention: a negative score means nothing was judged, shown as "n/a". */
    private static double score(Tally t) {
        return t.score().orElse(-1);
    }
}
