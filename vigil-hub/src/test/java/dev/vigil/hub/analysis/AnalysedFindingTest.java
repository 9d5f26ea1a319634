package dev.vigil.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class AnalysedFindingTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private static AnalysedFinding finding(Instant first, Instant last, long count, int confidence) {
        return new AnalysedFinding("f1", null, List.of(), List.of(), Severity.LOW, null, null, null, " alice\t",
                " AKIA1 ", " i-0abc ", null, null, first, last, count, confidence, Workflow.NEW);
    }

    @Test
    void stripsLinkingValuesAndDefaultsMissingText() {
        AnalysedFinding f = finding(T, T, 1, -1);
        assertThat(f.principal()).isEqualTo("alice");
        assertThat(f.accessKeyId()).isEqualTo("AKIA1");
        assertThat(f.resource()).isEqualTo("i-0abc");
        assertThat(f.title()).isEmpty();
        assertThat(f.resourceTags()).isEmpty();
    }

    @Test
    void rejectsInconsistentValuesNamingTheFinding() {
        assertThatThrownBy(() -> finding(T, T.minusSeconds(1), 1, -1))
                .hasMessageStartingWith("finding f1: lastSeen").hasMessageContaining("is before firstSeen");
        assertThatThrownBy(() -> finding(T, T, 0, -1)).hasMessage("finding f1: count must be at least 1, was 0");
        assertThatThrownBy(() -> finding(T, T, 1, 101)).hasMessageContaining("confidence must be 0-100 or -1");
    }

    @Test
    void spansReadLikeAPerson() {
        assertThat(CandidateSummary.span(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(CandidateSummary.span(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(CandidateSummary.span(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(CandidateSummary.span(Duration.ofHours(52))).isEqualTo("2 d 4 h");
        assertThat(CandidateSummary.span(Duration.ofHours(48))).isEqualTo("2 d");
    }

    @Test
    void displayTextNeutralisesControlsAndCutsLongValues() {
        assertThat(DisplayText.shorten("a\u001b[31mb\nc\u202ed")).isEqualTo("a [31mb c d");
        assertThat(DisplayText.shorten("x".repeat(500))).hasSize(DisplayText.MAX_LENGTH + 1).endsWith("…");
    }
}
