package dev.vigil.hub.analysis;

import static dev.vigil.hub.analysis.Findings.atHour;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

class RiskScorerTest {

    private static final String BUCKET = "arn:aws:s3:::payroll-exports";

    @ParameterizedTest
    @CsvSource({"CRITICAL, 55, Critical", "HIGH, 40, High", "MEDIUM, 25, Medium", "LOW, 10, Low",
            "INFORMATIONAL, 2, Informational"})
    void severityAloneIsTheBaseline(Severity severity, int points, String caption) {
        RiskScore score = RiskScorer.score(atHour("f", 0).severity(severity).build(), RiskContext.none());

        assertThat(score.score()).isEqualTo(points);
        assertThat(score.factors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(RiskFactor.Kind.SEVERITY);
            assertThat(f.sentence()).isEqualTo(caption + " severity (+" + points + ")");
        });
    }

    @Test
    void assetFileCriticalityCountsAndTheFirstMatchingEntryWins() throws Exception {
        AssetCatalog assets = AssetCatalog.parse(new StringReader("""
                assets:
                  - resource: "arn:aws:s3:::payroll-*"
                    criticality: critical
                    owner: finance-platform
                  - account: "111122223333"
                    criticality: low
                """), "/etc/vigil/assets.yml");
        RiskContext context = new RiskContext(assets, Set.of(), Map.of());

        RiskScore payroll = RiskScorer.score(atHour("f", 0).severity(Severity.HIGH).resource(BUCKET).build(), context);
        assertThat(payroll.score()).isEqualTo(65);
        assertThat(payroll.factors().get(1).sentence()).isEqualTo("asset criticality critical per assets.yml "
                + "entry 1 (resource arn:aws:s3:::payroll-*), owner finance-platform (+25)");

        RiskScore other = RiskScorer.score(atHour("g", 0).severity(Severity.HIGH).resource("i-0abc").build(), context);
        assertThat(other.score()).isEqualTo(35);
        assertThat(other.factors().get(1).sentence()).isEqualTo("asset criticality low per assets.yml "
                + "entry 2 (account 111122223333) (-5)");
    }

    @Test
    void resourceTagStatesCriticalityWhenNoAssetEntryMatches() {
        RiskScore score = RiskScorer.score(atHour("f", 0).severity(Severity.HIGH).resource(BUCKET)
                .tags(Map.of("Criticality", "High", "env", "prod")).build(), RiskContext.none());

        assertThat(score.factors()).extracting(RiskFactor::sentence)
                .containsExactly("High severity (+40)", "resource tagged Criticality=high (+20)");
        assertThat(score.score()).isEqualTo(60);
    }

    @Test
    void unusableCriticalityTagIsIgnored() {
        RiskScore score = RiskScorer.score(atHour("f", 0).resource(BUCKET).tags(Map.of("criticality", "tier-1"))
                .build(), RiskContext.none());
        assertThat(score.factors()).extracting(RiskFactor::kind).containsExactly(RiskFactor.Kind.SEVERITY);
    }

    @Test
    void internetExposureMatchesTheResourceOrItsArnId() {
        RiskContext context = new RiskContext(AssetCatalog.empty(), Set.of("i-0abc"), Map.of());
        String arn = "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc";

        RiskScore exposed = RiskScorer.score(atHour("f", 0).resource(arn).build(), context);
        assertThat(exposed.score()).isEqualTo(40);
        assertThat(exposed.factors().get(1).sentence())
                .isEqualTo("resource " + arn + " is reachable from the internet per the inventory (+15)");
        assertThat(RiskScorer.score(atHour("g", 0).resource("i-0def").build(), context).score()).isEqualTo(25);
        assertThat(RiskScorer.score(atHour("h", 0).build(), context).score()).isEqualTo(25);
    }

    @ParameterizedTest
    @CsvSource({"-1, 25", "0, 5", "10, 15", "30, 25", "60, 30", "80, 35", "100, 35"})
    void confidence(int confidence, int expected) {
        RiskScore score = RiskScorer.score(atHour("f", 0).product("GuardDuty").confidence(confidence).build(),
                RiskContext.none());
        assertThat(score.score()).isEqualTo(expected);
        if (confidence >= 0) {
            assertThat(score.factors().get(1).sentence()).startsWith("GuardDuty confidence " + confidence + "/100");
        } else {
            assertThat(score.factors()).hasSize(1);
        }
    }

    @Test
    void confidenceZeroSaysFalsePositive() {
        RiskScore score = RiskScorer.score(atHour("f", 0).product("GuardDuty").confidence(0).build(),
                RiskContext.none());
        assertThat(score.factors().get(1).sentence())
                .isEqualTo("GuardDuty confidence 0/100, judged a false positive (-20)");
    }

    @ParameterizedTest
    @CsvSource({"1, 25", "2, 27", "9, 27", "37, 30", "99, 30", "100, 33", "1000000, 33"})
    void recurrence(long count, int expected) {
        RiskScore score = RiskScorer.score(atHour("f", 0).count(count).build(), RiskContext.none());
        assertThat(score.score()).isEqualTo(expected);
        if (count == 37) {
            assertThat(score.factors().get(1).sentence()).isEqualTo("seen 37 times (+5)");
        }
    }

    @Test
    void incidentMembershipCountsItsTactics() {
        List<AnalysedFinding> findings = List.of(
                atHour("a", 0).principal("alice").technique("T1078").build(),
                atHour("b", 1).principal("alice").technique("T1580").build(),
                atHour("c", 2).principal("alice").technique("T1562.008").build());
        List<IncidentCandidate> candidates = new IncidentCorrelator(CorrelationOptions.defaults()).correlate(findings).candidates();
        RiskContext context = RiskContext.of(AssetCatalog.empty(), Set.of(), candidates);

        RiskScore score = RiskScorer.score(findings.get(1), context);
        assertThat(score.score()).isEqualTo(40);
        assertThat(score.factors().get(1).sentence()).isEqualTo(
                "part of incident candidate " + candidates.get(0).id() + " spanning 3 tactics (+15)");
        assertThat(RiskScorer.score(atHour("alone", 0).build(), context).score()).isEqualTo(25);
    }

    @Test
    void factorsSumAndTheTotalIsClampedTo100() throws Exception {
        AssetCatalog assets = AssetCatalog.parse(new StringReader("assets:\n  - tag: env=prod\n    criticality: critical\n"),
                "assets.yml");
        AnalysedFinding worst = atHour("w", 0).principal("alice").technique("T1078").severity(Severity.CRITICAL)
                .resource("i-0abc").tags(Map.of("env", "prod")).confidence(90).count(500).build();
        List<IncidentCandidate> candidates = new IncidentCorrelator(CorrelationOptions.defaults()).correlate(List.of(
                worst, atHour("x", 1).principal("alice").technique("T1580").build())).candidates();
        RiskScore score = RiskScorer.score(worst, RiskContext.of(assets, Set.of("i-0abc"), candidates));

        assertThat(score.points()).isEqualTo(55 + 25 + 15 + 10 + 8 + 10);
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.explanation()).startsWith("Risk 100: Critical severity (+55); asset criticality critical")
                .endsWith("; total 123 capped to 100");
    }

    @Test
    void negativeTotalsClampToZero() {
        RiskScore score = RiskScorer.score(atHour("f", 0).severity(Severity.INFORMATIONAL).confidence(0)
                .tags(Map.of("criticality", "low")).build(), RiskContext.none());
        assertThat(score.points()).isEqualTo(2 - 5 - 20);
        assertThat(score.score()).isZero();
    }

    @Test
    void hostileTextIsNeutralisedInSentences() {
        RiskScore score = RiskScorer.score(atHour("f", 0).product("Evil\u001b[2J").confidence(50).build(),
                RiskContext.none());
        assertThat(score.explanation()).doesNotContain("\u001b");
    }

    @Test
    void candidateScoreCombinesSeverityTacticsObjectiveEvasionAndAccounts() {
        assertThat(RiskWeights.candidate(Severity.HIGH, 3, true, true, 2)).isEqualTo(40 + 15 + 10 + 5 + 5);
        assertThat(RiskWeights.candidate(Severity.LOW, 2, false, false, 1)).isEqualTo(10 + 10);
        assertThat(RiskWeights.candidate(Severity.CRITICAL, 9, true, true, 3)).isEqualTo(100);
    }
}
