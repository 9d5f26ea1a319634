package dev.vigil.engine.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.engine.EvidenceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineSettingsTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path p = dir.resolve("baseline.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        BaselineSettings d = BaselineSettings.defaults();
        assertThat(d.learningPeriod()).isEqualTo(Duration.ofDays(7));
        assertThat(d.maxPrincipals()).isEqualTo(5_000);
        assertThat(d.maxValuesPerFeature()).isEqualTo(256);
        assertThat(d.maxActiveMinutes()).isEqualTo(1_440);
        assertThat(d.evidence()).isEqualTo(EvidenceText.DEFERRED);
        assertThat(d.withLearningPeriod(Duration.ofHours(8)).learningPeriod()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aFileSetsWhatItNamesAndKeepsTheRest() throws Exception {
        BaselineSettings s = BaselineSettings.load(yaml("""
                # demo
                learning-period: PT8H
                max-principals: 100
                volume-deviations: 3.5
                min-bytes-out-per-minute: 1_000_000
                evidence: copied
                """));
        assertThat(s.learningPeriod()).isEqualTo(Duration.ofHours(8));
        assertThat(s.maxPrincipals()).isEqualTo(100);
        assertThat(s.volumeDeviations()).isEqualTo(3.5);
        assertThat(s.minBytesOutPerMinute()).isEqualTo(1_000_000);
        assertThat(s.evidence()).isEqualTo(EvidenceText.COPIED);
        assertThat(s.maxValuesPerFeature()).isEqualTo(256);
        assertThat(BaselineSettings.load(yaml(""))).isEqualTo(BaselineSettings.defaults());
    }

    @Test
    void theScoringIsTunableInTheSameFile() throws Exception {
        assertThat(BaselineSettings.defaults().scoring()).isEqualTo(new AnomalyScoring(false, true, true, 2, 4, 7));
        BaselineSettings s = BaselineSettings.load(yaml("""
                report-new-api-alone: true
                region-needs-account-novelty: false
                user-agent-needs-account-novelty: false
                sensitive-tactic-weight: 0
                medium-score: 3
                high-score: 9
                """));
        assertThat(s.scoring()).isEqualTo(new AnomalyScoring(true, false, false, 0, 3, 9));
        assertThatThrownBy(() -> BaselineSettings.load(yaml("report-new-api-alone: yes please\n")))
                .hasMessageContaining("#line 1").hasMessageContaining("not true or false");
        assertThatThrownBy(() -> BaselineSettings.load(yaml("medium-score: 8\n")))
                .hasMessageContaining("#line 1").hasMessageContaining("medium <= high");
    }

    @Test
    void mistakesAreReportedWithFileAndLine() throws Exception {
        assertThatThrownBy(() -> BaselineSettings.load(yaml("learning-period: P7D\nlearning-perod: P1D\n")))
                .isInstanceOf(BaselineConfigException.class).hasMessageContaining("baseline.yaml#line 2")
                .hasMessageContaining("unknown setting");
        assertThatThrownBy(() -> BaselineSettings.load(yaml("learning-period: seven days\n")))
                .hasMessageContaining("#line 1").hasMessageContaining("learning-period");
        assertThatThrownBy(() -> BaselineSettings.load(yaml("learning-period: P400D\n")))
                .hasMessageContaining("#line 1").hasMessageContaining("at most PT8784H");
        assertThatThrownBy(() -> BaselineSettings.load(yaml("max-principals: 0\n")))
                .hasMessageContaining("#line 1").hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> BaselineSettings.load(yaml("\nmax-principals: 5\nmax-principals: 6\n")))
                .hasMessageContaining("#line 3").hasMessageContaining("appears twice");
        assertThatThrownBy(() -> BaselineSettings.load(yaml("max-principals: [1, 2]\n")))
                .hasMessageContaining("#line 1");
        assertThatThrownBy(() -> BaselineSettings.load(yaml("max-principals: 99999999999\n")))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> BaselineSettings.load(yaml("learning-period: 'P7D\n")))
                .hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> BaselineSettings.load(dir.resolve("missing.yaml")))
                .hasMessageContaining("no such file");
    }
}
