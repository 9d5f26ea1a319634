package dev.vigil.hub.analysis;

import static dev.vigil.hub.analysis.Findings.atHour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

class IncidentCorrelatorTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String KEY = "AKIAEXAMPLEKEY000001";

    private final IncidentCorrelator correlator = new IncidentCorrelator(CorrelationOptions.defaults());

    @Test
    void findingsSharingAPrincipalFormOneCandidate() {
        List<IncidentCandidate> candidates = correlator.correlate(List.of(
                atHour("a", 0).principal(ALICE).technique("T1078.004").build(),
                atHour("b", 2).principal(ALICE).technique("T1580").build(),
                atHour("other", 1).principal("arn:aws:iam::111122223333:user/bob").technique("T1485").build())).candidates();

        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.memberIds()).containsExactly("a", "b");
            assertThat(c.linkingEntities()).containsExactly(new LinkingEntity(EntityKind.PRINCIPAL, ALICE, ""));
            assertThat(c.progression()).containsExactly(Tactic.INITIAL_ACCESS, Tactic.DISCOVERY);
            assertThat(c.firstSeen()).isEqualTo(Findings.T0);
            assertThat(c.lastSeen()).isEqualTo(Findings.T0.plus(Duration.ofHours(2)));
            assertThat(c.accounts()).containsExactly("111122223333");
        });
    }

    @Test
    void findingsSharingAnAccessKeyLinkEvenWithDifferentPrincipalNames() {
        // GuardDuty names the user, Vigil the ARN; the access key is what they share.
        List<IncidentCandidate> candidates = correlator.correlate(List.of(
                atHour("gd", 0).product("GuardDuty").principal("alice").accessKey(KEY)
                        .types("UnauthorizedAccess:IAMUser/TorIPCaller").build(),
                atHour("vigil", 3).principal(ALICE).accessKey(KEY).technique("T1562.008").build())).candidates();

        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.memberIds()).containsExactly("gd", "vigil");
            assertThat(c.linkingEntities()).containsExactly(new LinkingEntity(EntityKind.ACCESS_KEY, KEY, ""));
        });
    }

    @Test
    void findingsOnTheSameResourceLink() {
        String bucket = "arn:aws:s3:::payroll-exports";
        List<IncidentCandidate> candidates = correlator.correlate(List.of(
                atHour("open", 0).principal("arn:aws:iam::111122223333:user/a").resource(bucket)
                        .technique("T1562").build(),
                atHour("read", 5).principal("arn:aws:iam::999988887777:user/b").resource(bucket)
                        .technique("T1530").build())).candidates();

        assertThat(candidates).singleElement().satisfies(c ->
                assertThat(c.linkingEntities()).containsExactly(new LinkingEntity(EntityKind.RESOURCE, bucket, "")));
    }

    @Test
    void windowEdgeIsInclusive() {
        AnalysedFinding early = atHour("early", 0).lasting(Duration.ofHours(5)).principal(ALICE)
                .technique("T1078").build();
        AnalysedFinding atEdge = atHour("edge", 29).principal(ALICE).technique("T1580").build();
        AnalysedFinding pastEdge = Findings.at("late", Findings.T0.plus(Duration.ofHours(29)).plusMillis(1))
                .principal(ALICE).technique("T1580").build();

        assertThat(correlator.correlate(List.of(early, atEdge)).candidates()).hasSize(1);
        assertThat(correlator.correlate(List.of(early, pastEdge)).candidates()).isEmpty();
    }

    @Test
    void windowIsConfigurable() {
        List<AnalysedFinding> twoHoursApart = List.of(
                atHour("a", 0).principal(ALICE).technique("T1078").build(),
                atHour("b", 2).principal(ALICE).technique("T1580").build());

        assertThat(new IncidentCorrelator(CorrelationOptions.defaults().withWindow(Duration.ofHours(1)))
                .correlate(twoHoursApart).candidates()).isEmpty();
        assertThat(new IncidentCorrelator(CorrelationOptions.defaults().withWindow(Duration.ofHours(2)))
                .correlate(twoHoursApart).candidates()).hasSize(1);
    }

    @Test
    void overlappingActivityLinksWhateverTheWindow() {
        IncidentCorrelator noWindow = new IncidentCorrelator(CorrelationOptions.defaults().withWindow(Duration.ZERO));
        assertThat(noWindow.correlate(List.of(
                atHour("long", 0).lasting(Duration.ofDays(3)).principal(ALICE).technique("T1078").build(),
                atHour("inside", 40).principal(ALICE).technique("T1580").build())).candidates()).hasSize(1);
    }

    @Test
    void groupingIsTransitiveThroughFindingsCloseInTime() {
        List<IncidentCandidate> candidates = correlator.correlate(List.of(
                atHour("a", 0).principal(ALICE).technique("T1078").build(),
                atHour("b", 20).principal(ALICE).accessKey(KEY).technique("T1580").build(),
                atHour("c", 40).principal("someone-else").accessKey(KEY).technique("T1562.008").build())).candidates();

        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.memberIds()).containsExactly("a", "b", "c");
            assertThat(c.linkingEntities()).extracting(LinkingEntity::kind)
                    .containsExactly(EntityKind.PRINCIPAL, EntityKind.ACCESS_KEY);
        });
    }

    @Test
    void noBridgeNoLink() {
        // a and c share the principal but are 40 h apart; nothing in between joins them.
        assertThat(correlator.correlate(List.of(
                atHour("a", 0).principal(ALICE).technique("T1078").build(),
                atHour("c", 40).principal(ALICE).technique("T1562.008").build())).candidates()).isEmpty();
    }

    @Test
    void genericValuesNeverLink() {
        for (String generic : List.of("", " ", "-", "unknown", "UNKNOWN", "null", "n/a", "ANONYMOUS_PRINCIPAL",
                "cloudtrail.amazonaws.com", "AWS Internal",
                "arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig")) {
            List<IncidentCandidate> candidates = correlator.correlate(List.of(
                    atHour("a", 0).principal(generic).resource(generic).accessKey(generic).technique("T1078").build(),
                    atHour("b", 1).principal(generic).resource(generic).accessKey(generic).technique("T1580").build())).candidates();
            assertThat(candidates).as("'%s'", generic).isEmpty();
        }
    }

    @Test
    void rootLinksWithinItsAccountOnly() {
        List<IncidentCandidate> sameAccount = correlator.correlate(List.of(
                atHour("a", 0).principal("root").technique("T1078").build(),
                atHour("b", 1).principal("root").technique("T1580").build())).candidates();
        assertThat(sameAccount).singleElement().satisfies(c -> assertThat(c.linkingEntities())
                .containsExactly(new LinkingEntity(EntityKind.PRINCIPAL, "root", "111122223333")));

        assertThat(correlator.correlate(List.of(
                atHour("a", 0).principal("root").technique("T1078").build(),
                atHour("b", 1).principal("root").account("999988887777").technique("T1580").build())).candidates()).isEmpty();
    }

    @Test
    void userDeclaredGenericValuesDoNotLink() {
        IncidentCorrelator withCiRole = new IncidentCorrelator(CorrelationOptions.defaults()
                .withExtraGenericValues(Set.of("ARN:AWS:IAM::111122223333:ROLE/CI")));
        List<AnalysedFinding> findings = List.of(
                atHour("a", 0).principal("arn:aws:iam::111122223333:role/ci").technique("T1078").build(),
                atHour("b", 1).principal("arn:aws:iam::111122223333:role/ci").technique("T1580").build());

        assertThat(withCiRole.correlate(findings).candidates()).isEmpty();
        assertThat(correlator.correlate(findings).candidates()).hasSize(1);
    }

    @Test
    void hashCollisionsDoNotLinkDifferentEntities() {
        // "Aa" and "BB" have the same String.hashCode, so they land in one sorted run.
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        IncidentCorrelator everything = new IncidentCorrelator(CorrelationOptions.defaults().withMinimums(1, 0));
        List<IncidentCandidate> candidates = everything.correlate(List.of(
                atHour("aa1", 0).principal("Aa").technique("T1078").build(),
                atHour("bb", 1).principal("BB").technique("T1580").build(),
                atHour("aa2", 2).principal("Aa").technique("T1580").build())).candidates();

        assertThat(candidates).extracting(IncidentCandidate::memberIds)
                .containsExactlyInAnyOrder(List.of("aa1", "aa2"), List.of("bb"));
    }

    @Test
    void candidateIdDependsOnlyOnTheMembers() {
        List<AnalysedFinding> findings = new ArrayList<>(List.of(
                atHour("f1", 0).principal(ALICE).technique("T1078").build(),
                atHour("f2", 1).principal(ALICE).technique("T1580").build(),
                atHour("f3", 2).principal(ALICE).technique("T1562.008").build()));
        String id = correlator.correlate(findings).candidates().get(0).id();
        Collections.reverse(findings);

        assertThat(correlator.correlate(findings).candidates().get(0).id()).isEqualTo(id).matches("ic-[0-9a-f]{32}");
        findings.add(atHour("f4", 3).principal(ALICE).technique("T1537").build());
        assertThat(correlator.correlate(findings).candidates().get(0).id()).isNotEqualTo(id);
    }

    @Test
    void onlyCandidatesWithTwoMembersAndTwoTacticsAreReportedByDefault() {
        List<AnalysedFinding> sameTactic = List.of(
                atHour("a", 0).principal(ALICE).technique("T1580").build(),
                atHour("b", 1).principal(ALICE).technique("T1087.004").build(),
                atHour("c", 2).principal(ALICE).build());

        assertThat(correlator.correlate(sameTactic).candidates()).isEmpty();
        assertThat(new IncidentCorrelator(CorrelationOptions.defaults().withMinimums(2, 1)).correlate(sameTactic).candidates())
                .singleElement().satisfies(c -> assertThat(c.progression()).containsExactly(Tactic.DISCOVERY));
        assertThat(new IncidentCorrelator(CorrelationOptions.defaults().withMinimums(4, 1)).correlate(sameTactic).candidates())
                .isEmpty();
    }

    @Test
    void suppressedFindingsTakeNoPartByDefault() {
        List<AnalysedFinding> findings = List.of(
                atHour("a", 0).principal(ALICE).technique("T1078").build(),
                atHour("b", 1).principal(ALICE).technique("T1580").workflow(Workflow.SUPPRESSED).build());

        assertThat(correlator.correlate(findings).candidates()).isEmpty();
        assertThat(new IncidentCorrelator(CorrelationOptions.defaults().withExcludedWorkflows(Set.of()))
                .correlate(findings).candidates()).hasSize(1);
    }

    @Test
    void progressionFollowsTimeNotKillChainAndNamesEachTacticOnce() {
        List<IncidentCandidate> candidates = correlator.correlate(List.of(
                atHour("d1", 0).principal(ALICE).technique("T1580").build(),
                atHour("ia", 1).principal(ALICE).technique("T1078").build(),
                atHour("d2", 2).principal(ALICE).technique("T1087.004").build(),
                atHour("unknown", 3).principal(ALICE).build(),
                atHour("ex", 4).principal(ALICE).technique("T1537").build())).candidates();

        assertThat(candidates.get(0).progression())
                .containsExactly(Tactic.DISCOVERY, Tactic.INITIAL_ACCESS, Tactic.EXFILTRATION);
        assertThat(candidates.get(0).members()).extracting(CandidateMember::tactic).containsExactly(
                Tactic.DISCOVERY, Tactic.INITIAL_ACCESS, Tactic.DISCOVERY, Tactic.UNKNOWN, Tactic.EXFILTRATION);
    }

    @Test
    void summaryTellsTheStoryInTimeOrder() {
        List<IncidentCandidate> candidates = correlator.correlate(List.of(
                atHour("tor", 0).product("GuardDuty").accessKey(KEY).principal("alice")
                        .title("API called from a Tor exit node").types("UnauthorizedAccess:IAMUser/TorIPCaller")
                        .build(),
                atHour("list", 0.5).accessKey(KEY).principal(ALICE).title("Burst of enumeration calls")
                        .technique("T1580").count(40).build(),
                atHour("list2", 0.75).accessKey(KEY).principal(ALICE).title("Burst of enumeration calls")
                        .technique("T1580").build(),
                atHour("stop", 2).accessKey(KEY).principal(ALICE).title("CloudTrail logging stopped")
                        .technique("T1562.008").severity(Severity.HIGH).build())).candidates();

        assertThat(candidates.get(0).summary()).isEqualTo(
                "Principal arn:aws:iam::111122223333:user/alice, access key AKIAEXAMPLEKEY000001: "
                        + "API called from a Tor exit node (initial access), "
                        + "then Burst of enumeration calls (2 findings) (discovery), "
                        + "then CloudTrail logging stopped (defense evasion). "
                        + "4 findings in account 111122223333 from 2024-05-01T10:00:00Z to 2024-05-01T12:00:00Z (2 h).");
    }

    @Test
    void summaryNeutralisesHostileTextAndStaysShort() {
        List<AnalysedFinding> findings = new ArrayList<>();
        String hostile = "evil\u001b[31m\nname\u202e" + "x".repeat(500);
        for (int i = 0; i < 40; i++) {
            findings.add(atHour("f" + i, i * 0.1).principal(hostile)
                    .title("step " + i).technique(i % 2 == 0 ? "T1580" : "T1078").build());
        }
        String summary = correlator.correlate(findings).candidates().get(0).summary();

        assertThat(summary).doesNotContain("\u001b", "\n", "\u202e").contains("then 32 more steps");
        assertThat(summary.length()).isLessThan(1000);
    }

    @Test
    void candidatesAreOrderedByScore() {
        List<IncidentCandidate> candidates = correlator.correlate(List.of(
                atHour("low1", 0).principal("p1").technique("T1078").severity(Severity.LOW).build(),
                atHour("low2", 1).principal("p1").technique("T1580").severity(Severity.LOW).build(),
                atHour("hi1", 0).principal("p2").technique("T1078").severity(Severity.HIGH).build(),
                atHour("hi2", 1).principal("p2").technique("T1537").severity(Severity.HIGH).build())).candidates();

        assertThat(candidates).extracting(c -> c.members().get(0).findingId()).containsExactly("hi1", "low1");
        assertThat(candidates.get(0).score()).isGreaterThan(candidates.get(1).score());
    }

    @Test
    void entitiesOnTooManyFindingsInOneWindowAreReportedNotLinked() {
        String ci = "arn:aws:iam::111122223333:role/ci";
        List<AnalysedFinding> findings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            findings.add(atHour("ci" + i, i * 0.1).principal(ci).technique(i % 2 == 0 ? "T1078" : "T1580").build());
        }
        findings.add(atHour("a", 0).principal(ALICE).technique("T1078").build());
        findings.add(atHour("b", 1).principal(ALICE).technique("T1537").build());
        findings.add(atHour("muted", 1).principal(ALICE).workflow(Workflow.SUPPRESSED).build());

        CorrelationResult result = new IncidentCorrelator(CorrelationOptions.defaults()
                .withMaxFindingsPerEntityWindow(5)).correlate(findings);

        assertThat(result.candidates()).singleElement()
                .satisfies(c -> assertThat(c.memberIds()).containsExactly("a", "b"));
        assertThat(result.noisyEntities()).containsExactly(
                new NoisyEntity(new LinkingEntity(EntityKind.PRINCIPAL, ci, ""), 6, 6));
        assertThat(result.noisyEntityCount()).isEqualTo(1);
        assertThat(result.findingsCorrelated()).isEqualTo(8);
        assertThat(result.findingsExcluded()).isEqualTo(1);

        // Spread over more than a window, the same six are not noisy: at most three start within 24 h.
        List<AnalysedFinding> spread = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            spread.add(atHour("ci" + i, i * 12).principal(ci).technique(i % 2 == 0 ? "T1078" : "T1580").build());
        }
        CorrelationResult spreadResult = new IncidentCorrelator(CorrelationOptions.defaults()
                .withMaxFindingsPerEntityWindow(5)).correlate(spread);
        assertThat(spreadResult.noisyEntities()).isEmpty();
        assertThat(spreadResult.candidates()).singleElement().satisfies(c -> assertThat(c.members()).hasSize(6));
    }

    @Test
    void emptyInputGivesNoCandidates() {
        assertThat(correlator.correlate(List.of()).candidates()).isEmpty();
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> CorrelationOptions.defaults().withWindow(Duration.ofHours(-1)))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> CorrelationOptions.defaults().withMinimums(0, 2))
                .hasMessageContaining("minMembers");
    }
}
