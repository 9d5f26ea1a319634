package dev.vigil.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Correlates a large synthetic estate to show the sweep completes quickly in bounded memory (the module's tests run
 * with -Xmx1g). Not a timed assertion: real timing is a benchmark. {@code -Dvigil.analysis.scale=1000000} runs the
 * same test at a million findings and prints the time.
 */
class IncidentCorrelatorScaleTest {

    private static final String[] TECHNIQUES = {"T1078.004", "T1580", "T1562.008", "T1098", "T1530", "T1537",
            "T1110", "T1552", "T1485", "T1021"};

    @Test
    void correlatesManyFindings() {
        int n = Integer.getInteger("vigil.analysis.scale", 100_000);
        List<AnalysedFinding> findings = syntheticFindings(n, new Random(7));

        long start = System.nanoTime();
        List<IncidentCandidate> candidates = new IncidentCorrelator(CorrelationOptions.defaults()).correlate(findings).candidates();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("correlated %,d findings into %,d incident candidates (largest %,d) in %,d ms%n", n,
                candidates.size(), candidates.stream().mapToInt(c -> c.members().size()).max().orElse(0), millis);

        assertThat(candidates).isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (IncidentCandidate c : candidates) {
            assertThat(c.members()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(c.tacticCount()).isGreaterThanOrEqualTo(2);
            assertThat(c.memberIds()).allSatisfy(id -> assertThat(seen.add(id)).as("%s in one candidate", id).isTrue());
        }
    }

    /**
     * A month of findings from 20 accounts: each principal (about 20 findings a month) mostly touches its own few
     * resources, one finding in ten touches a pool of shared buckets; a third of findings have no access key and a
     * tenth no principal.
     */
    static List<AnalysedFinding> syntheticFindings(int n, Random random) {
        List<AnalysedFinding> findings = new ArrayList<>(n);
        int principals = Math.max(10, n / 20);
        for (int i = 0; i < n; i++) {
            int p = random.nextInt(principals);
            String account = String.format("%012d", 100_000_000_000L + p % 20);
            double hour = random.nextDouble() * 24 * 30;
            findings.add(Findings.atHour(String.format("%016x%016x", random.nextLong(), random.nextLong()), hour)
                    .lasting(Duration.ofMinutes(random.nextInt(120)))
                    .account(account)
                    .principal(random.nextInt(10) == 0 ? "" : "arn:aws:iam::" + account + ":user/u" + p)
                    .accessKey(random.nextInt(3) == 0 ? "" : "AKIA" + String.format("%016d", p * 2L + random.nextInt(2)))
                    .resource(random.nextInt(10) == 0 ? "arn:aws:s3:::shared-" + random.nextInt(Math.max(1, n / 2000))
                            : "arn:aws:s3:::bucket-" + (p * 3 + random.nextInt(3)))
                    .technique(TECHNIQUES[random.nextInt(TECHNIQUES.length)])
                    .severity(Severity.values()[random.nextInt(5)])
                    .title("finding " + i)
                    .build());
        }
        return findings;
    }
}
