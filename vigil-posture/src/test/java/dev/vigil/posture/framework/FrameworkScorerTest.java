package dev.vigil.posture.framework;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Remediation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.vigil.posture.check.CheckStatus.ERROR;
import static dev.vigil.posture.check.CheckStatus.FAIL;
import static dev.vigil.posture.check.CheckStatus.MANUAL;
import static dev.vigil.posture.check.CheckStatus.NOT_APPLICABLE;
import static dev.vigil.posture.check.CheckStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

class FrameworkScorerTest {

    static final String A = "111111111111";
    static final String B = "222222222222";

    /** Two logging requirements on two checks, one encryption requirement, one manual. */
    static final Framework F = FrameworkLoader.parse("""
            id: test
            name: Test
            version: "1"
            requirements:
              - id: L.1
                title: Trails validate
                section: Logging
                responsibility: customer
                checks: [a.validate]
              - id: L.2
                title: Trails validate and encrypt
                section: Logging
                responsibility: shared
                checks: [a.validate, a.encrypt]
              - id: E.1
                title: Volumes encrypted
                section: Encryption
                responsibility: shared
                checks: [b.volume]
              - id: P.1
                title: Guards
                section: Physical
                responsibility: aws
                manual: true
                evidence: AWS report.
            """, "test.yaml");

    static CheckResult r(String check, CheckStatus s, String account, String resource) {
        return new CheckResult(check, s, account, "eu-west-1", "AWS::Test::Thing", resource, s + " on " + resource);
    }

    static CheckStatus statusOf(FrameworkScore score, String requirement) {
        return score.requirements().stream().filter(rs -> rs.requirement().id().equals(requirement))
                .findFirst().orElseThrow().status();
    }

    @Test
    void theCombinationRuleFollowsFailErrorManualPassNotApplicable() {
        assertThat(FrameworkScorer.combine(List.of(PASS, FAIL, ERROR))).isEqualTo(FAIL);
        assertThat(FrameworkScorer.combine(List.of(PASS, ERROR, NOT_APPLICABLE))).isEqualTo(ERROR);
        assertThat(FrameworkScorer.combine(List.of(PASS, MANUAL))).isEqualTo(MANUAL);
        assertThat(FrameworkScorer.combine(List.of(PASS, NOT_APPLICABLE, PASS))).isEqualTo(PASS);
        assertThat(FrameworkScorer.combine(List.of(NOT_APPLICABLE))).isEqualTo(NOT_APPLICABLE);
        assertThat(FrameworkScorer.combine(List.of())).as("nothing judged it").isEqualTo(ERROR);
    }

    @Test
    void oneFailingResourceFailsEveryRequirementMappingItsCheck() {
        FrameworkScore s = FrameworkScorer.score(F, List.of(
                r("a.validate", PASS, A, "t1"), r("a.validate", FAIL, B, "t2"), r("a.encrypt", PASS, A, "t1"),
                r("b.volume", PASS, A, "v1")));
        assertThat(statusOf(s, "L.1")).isEqualTo(FAIL);
        assertThat(statusOf(s, "L.2")).isEqualTo(FAIL);
        assertThat(statusOf(s, "E.1")).isEqualTo(PASS);
        assertThat(statusOf(s, "P.1")).isEqualTo(MANUAL);
        assertThat(s.requirements().get(1).withStatus(FAIL)).extracting(CheckResult::resource).containsExactly("t2");
        assertThat(s.overall()).isEqualTo(new Tally(1, 2, 0, 1, 0));
        assertThat(s.overall().score()).hasValue(1.0 / 3);
    }

    @Test
    void notApplicableIsIgnoredAndAllNotApplicableIsNotApplicable() {
        FrameworkScore s = FrameworkScorer.score(F, List.of(
                r("a.validate", PASS, A, "t1"), r("a.validate", NOT_APPLICABLE, B, "B/eu-west-1"),
                r("a.encrypt", NOT_APPLICABLE, A, "t1"), r("b.volume", NOT_APPLICABLE, A, "A/eu-west-1")));
        assertThat(statusOf(s, "L.1")).isEqualTo(PASS);
        assertThat(statusOf(s, "L.2")).isEqualTo(PASS);
        assertThat(statusOf(s, "E.1")).isEqualTo(NOT_APPLICABLE);
    }

    @Test
    void errorsWithoutFailuresAndChecksThatGaveNoResultAreNotJudged() {
        FrameworkScore s = FrameworkScorer.score(F, List.of(
                r("a.validate", PASS, A, "t1"), r("a.validate", ERROR, B, "B/eu-west-1")));
        assertThat(statusOf(s, "L.1")).isEqualTo(ERROR);
        RequirementScore l2 = s.requirements().get(1);
        assertThat(l2.status()).isEqualTo(ERROR);
        assertThat(l2.unanswered()).containsExactly("a.encrypt");
        assertThat(s.requirements().get(2).unanswered()).containsExactly("b.volume");
        assertThat(statusOf(s, "E.1")).as("no result at all is never a pass").isEqualTo(ERROR);
        assertThat(s.overall().score()).as("nothing passed or failed: no score, not 0% or 100%").isEmpty();
        assertThat(s.overall()).isEqualTo(new Tally(0, 0, 3, 1, 0));
    }

    @Test
    void aFailureStillWinsOverAMissingCheck() {
        FrameworkScore s = FrameworkScorer.score(F, List.of(r("a.validate", FAIL, A, "t1")));
        assertThat(statusOf(s, "L.2")).isEqualTo(FAIL);
    }

    @Test
    void aCheckAskingForAPersonMakesTheRequirementManual() {
        FrameworkScore s = FrameworkScorer.score(F, List.of(
                r("b.volume", PASS, A, "v1"), r("b.volume", MANUAL, A, "v2")));
        assertThat(statusOf(s, "E.1")).isEqualTo(MANUAL);
    }

    @Test
    void sectionsKeepTheFrameworksOrderAndTallyTheirRequirements() {
        FrameworkScore s = FrameworkScorer.score(F, List.of(
                r("a.validate", PASS, A, "t1"), r("a.encrypt", FAIL, A, "t1"), r("b.volume", PASS, A, "v1")));
        assertThat(s.sections()).containsExactly(
                new SectionScore("Logging", new Tally(1, 1, 0, 0, 0)),
                new SectionScore("Encryption", new Tally(1, 0, 0, 0, 0)),
                new SectionScore("Physical", new Tally(0, 0, 0, 1, 0)));
        assertThat(s.sections().get(0).tally().score()).hasValue(0.5);
        assertThat(s.sections().get(2).tally().score()).isEmpty();
    }

    @Test
    void eachAccountIsJudgedOnItsOwnResultsAndOrganisationWideResultsComeFirst() {
        FrameworkScore s = FrameworkScorer.score(F, List.of(
                r("a.validate", PASS, B, "t2"), r("a.encrypt", PASS, B, "t2"),
                r("a.validate", FAIL, A, "t1"), r("b.volume", PASS, A, "v1"),
                r("b.volume", ERROR, "", "organisation")));
        assertThat(s.accounts()).extracting(AccountScore::account).containsExactly("", A, B);
        assertThat(s.accounts().get(0).tally()).isEqualTo(new Tally(0, 0, 1, 0, 0));
        assertThat(s.accounts().get(1).tally()).as("A: L.1 and L.2 fail, E.1 passes")
                .isEqualTo(new Tally(1, 2, 0, 0, 0));
        assertThat(s.accounts().get(2).tally()).as("B: L.1, L.2 pass; E.1 has no result in B")
                .isEqualTo(new Tally(2, 0, 0, 0, 0));
    }

    @Test
    void theScoreDoesNotDependOnResultOrder() {
        List<CheckResult> results = new ArrayList<>(List.of(
                r("a.validate", PASS, B, "t2"), r("a.encrypt", FAIL, B, "t2"), r("a.validate", FAIL, A, "t1"),
                r("b.volume", PASS, A, "v1"), r("b.volume", NOT_APPLICABLE, B, "B/eu-west-1")));
        FrameworkScore first = FrameworkScorer.score(F, results);
        Collections.shuffle(results, new Random(7));
        FrameworkScore again = FrameworkScorer.score(F, results);
        assertThat(again.sections()).isEqualTo(first.sections());
        assertThat(again.accounts()).isEqualTo(first.accounts());
        assertThat(again.overall()).isEqualTo(first.overall());
        assertThat(again.requirements()).extracting(RequirementScore::status)
                .containsExactlyElementsOf(first.requirements().stream().map(RequirementScore::status).toList());
    }

    @Test
    void theReportCountsStatusesAndOrdersFailuresMostSevereFirst() {
        CheckMetadata validate = meta("a.validate", "Trails validate", Severity.LOW);
        CheckMetadata volume = meta("b.volume", "Volumes are encrypted", Severity.HIGH);
        PostureReport report = PostureReport.of(List.of(F), List.of(
                r("a.validate", FAIL, B, "t2"), r("a.validate", FAIL, A, "t1"), r("b.volume", FAIL, A, "v1"),
                r("b.volume", PASS, A, "v2"), r("z.custom", FAIL, A, "x")), List.of(validate, volume));
        assertThat(report.checkCounts()).containsEntry(FAIL, 4L).containsEntry(PASS, 1L).containsEntry(ERROR, 0L);
        assertThat(report.failures()).extracting(f -> f.result().checkId() + "@" + f.result().account())
                .containsExactly("b.volume@" + A, "z.custom@" + A, "a.validate@" + A, "a.validate@" + B);
        assertThat(report.failures().get(1).title()).as("unknown to the catalogue: id as title").isEqualTo("z.custom");
        assertThat(report.failures().get(1).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(report.frameworks()).hasSize(1);
    }

    static CheckMetadata meta(String id, String title, Severity severity) {
        return new CheckMetadata(id, title, "Test", severity, "AWS::Test::Thing", "Why it matters.",
                new Remediation("Fix it.", "aws test fix", "", "resource \"x\" {}"), List.of("test:Describe"));
    }
}
