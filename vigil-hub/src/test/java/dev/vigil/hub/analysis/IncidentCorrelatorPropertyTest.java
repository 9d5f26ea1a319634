package dev.vigil.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The sweep must give exactly the components of the pairwise link relation. Random small inputs (seeded) are
 * correlated both ways and the partitions compared.
 */
class IncidentCorrelatorPropertyTest {

    private static final Duration WINDOW = Duration.ofHours(6);

    @Test
    void sweepMatchesPairwiseLinking() {
        Random random = new Random(20240501);
        IncidentCorrelator correlator = new IncidentCorrelator(
                CorrelationOptions.defaults().withWindow(WINDOW).withMinimums(1, 0));
        for (int round = 0; round < 200; round++) {
            List<AnalysedFinding> findings = randomFindings(random, 1 + random.nextInt(60));
            Set<Set<String>> expected = pairwiseComponents(findings);
            Set<Set<String>> actual = new HashSet<>();
            for (IncidentCandidate c : correlator.correlate(findings).candidates()) {
                actual.add(Set.copyOf(c.memberIds()));
            }
            assertThat(actual).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void packedSortGivesTimeThenIdOrder() {
        Random random = new Random(99);
        for (int round = 0; round < 100; round++) {
            int n = 1 + random.nextInt(200);
            AnalysedFinding[] findings = new AnalysedFinding[n];
            for (int i = 0; i < n; i++) {
                // Few distinct milliseconds, and nanoseconds inside them, so that ties and sub-millisecond order occur.
                java.time.Instant t = Findings.T0.plusMillis(random.nextInt(5)).plusNanos(random.nextInt(3) * 1000);
                findings[i] = Findings.at("id" + random.nextInt(1000), t).build();
            }
            AnalysedFinding[] expected = findings.clone();
            java.util.Arrays.sort(expected, java.util.Comparator.comparing(AnalysedFinding::firstSeen)
                    .thenComparing(AnalysedFinding::id));
            IncidentCorrelator.sortByStart(findings);
            assertThat(findings).as("round %d", round).containsExactly(expected);
        }
    }

    private static List<AnalysedFinding> randomFindings(Random random, int n) {
        String[] principals = {"", "-", "alice", "bob", "arn:aws:iam::1:user/carol"};
        String[] keys = {"", "AKIA1", "AKIA2"};
        String[] resources = {"", "i-1", "bucket"};
        String[] accounts = {"111122223333", "999988887777"};
        List<AnalysedFinding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            findings.add(Findings.atHour("f" + i, random.nextInt(96))
                    .lasting(Duration.ofMinutes(random.nextInt(4) == 0 ? random.nextInt(20 * 60) : 0))
                    .principal(principals[random.nextInt(principals.length)])
                    .accessKey(keys[random.nextInt(keys.length)])
                    .resource(resources[random.nextInt(resources.length)])
                    .account(accounts[random.nextInt(accounts.length)])
                    .build());
        }
        return findings;
    }

    /** The reference: O(n²) pairwise links, then connected components. */
    private static Set<Set<String>> pairwiseComponents(List<AnalysedFinding> findings) {
        int n = findings.size();
        UnionFind uf = new UnionFind(n);
        GenericValues generic = new GenericValues(Set.of());
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (sharesEntity(findings.get(a), findings.get(b), generic) && close(findings.get(a), findings.get(b))) {
                    uf.union(a, b);
                }
            }
        }
        java.util.Map<Integer, Set<String>> byRoot = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(uf.find(i), x -> new HashSet<>()).add(findings.get(i).id());
        }
        Set<Set<String>> result = new HashSet<>();
        byRoot.values().forEach(s -> result.add(Set.copyOf(s)));
        return result;
    }

    private static boolean sharesEntity(AnalysedFinding a, AnalysedFinding b, GenericValues generic) {
        for (EntityKind kind : EntityKind.values()) {
            if (!generic.isGeneric(kind.valueOf(a)) && EntityKeys.same(a, kind, b, kind)) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(AnalysedFinding a, AnalysedFinding b) {
        var start = a.firstSeen().isAfter(b.firstSeen()) ? a.firstSeen() : b.firstSeen();
        var end = a.lastSeen().isBefore(b.lastSeen()) ? a.lastSeen() : b.lastSeen();
        return Duration.between(end, start).compareTo(WINDOW) <= 0;
    }
}
