package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSourceTest {

    private static LogSource of(String product, String service, String category) {
        return new LogSource(product, service, category);
    }

    @Test
    void productAndServiceSelectByName() {
        assertThat(of("aws", "cloudtrail", null).covers("aws:cloudtrail")).isTrue();
        assertThat(of("AWS", null, null).covers("aws:vpcflowlogs")).isTrue();
        assertThat(of(null, "cloudtrail", null).covers("aws:cloudtrail")).isTrue();
        assertThat(of("aws", "cloudtrail", null).covers("aws:config")).isFalse();
        assertThat(LogSource.ANY.covers("anything:else")).isTrue();
        assertThat(of("aws", null, null).covers(null)).isFalse();
    }

    @Test
    void categoriesSelectTheSourcesThatDeclareThem() {
        assertThat(of(null, null, "firewall").covers(VigilLogSources.VPC_FLOW_LOGS)).isTrue();
        assertThat(of("aws", null, "firewall").covers(VigilLogSources.VPC_FLOW_LOGS)).isTrue();
        assertThat(of(null, null, "Firewall").covers(VigilLogSources.VPC_FLOW_LOGS)).isTrue();
        assertThat(of(null, null, "firewall").covers(VigilLogSources.CLOUDTRAIL)).isFalse();
        assertThat(of(null, null, "process_creation").knownSources()).isEmpty();
        assertThat(of(null, null, "firewall").covers("aws:unknown")).as("an undeclared source has no categories")
                .isFalse();
    }

    @Test
    void everySourceIsNamedProductColonService() {
        for (VigilLogSources.Source s : VigilLogSources.all()) {
            assertThat(s.name()).matches("[a-z0-9]+:[a-z0-9]+");
            assertThat(new LogSource(s.product(), s.service(), null).knownSources()).containsExactly(s.name());
            assertThat(VigilLogSources.byName(s.name().toUpperCase())).contains(s);
        }
        assertThat(VigilLogSources.categories()).containsExactly("firewall");
    }

    @Test
    void includesMeansTheSameOrBroader() {
        LogSource aws = of("aws", null, null);
        LogSource trail = of("aws", "cloudtrail", null);
        assertThat(aws.includes(trail)).isTrue();
        assertThat(trail.includes(aws)).isFalse();
        assertThat(trail.includes(of("AWS", "CloudTrail", null))).isTrue();
        assertThat(LogSource.ANY.includes(trail)).isTrue();
        assertThat(of(null, null, "firewall").includes(of("aws", "vpcflowlogs", null)))
                .as("attributes are compared as written").isFalse();
    }

    @Test
    void overlapsWhenAnEventCanBeInBoth() {
        assertThat(of("aws", null, null).overlaps(of("aws", "cloudtrail", null))).isTrue();
        assertThat(of("aws", "vpcflowlogs", null).overlaps(of(null, null, "firewall"))).isTrue();
        assertThat(of("aws", "cloudtrail", null).overlaps(of(null, null, "firewall"))).isFalse();
        assertThat(of("aws", "cloudtrail", null).overlaps(of("aws", "config", null))).isFalse();
        assertThat(of("acme", "app", null).overlaps(of("acme", null, null))).as("unknown sources by attribute")
                .isTrue();
        assertThat(of("acme", "app", null).overlaps(of("other", null, null))).isFalse();
    }

    @Test
    void aRuleForASourceVigilDoesNotHaveLoadsWithAWarning() {
        SigmaParseResult r = SigmaRuleParser.parse("w.yml", """
                title: Windows
                name: win
                logsource: {category: process_creation, product: windows}
                detection: {s: {Image: x}, condition: s}
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).hasSize(1);
        Problem w = r.warnings().getFirst();
        assertThat(w.reason()).isEqualTo("logsource-unknown");
        assertThat(w.location()).isEqualTo("w.yml:3");
        assertThat(w.message()).contains("rule 'win'").contains("{category: process_creation, product: windows}")
                .contains("aws:cloudtrail").contains("never matches");
    }
}
