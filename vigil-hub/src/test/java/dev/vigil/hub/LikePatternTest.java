package dev.vigil.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void globTurnsStarsIntoPercentAndEscapesEverythingElse() {
        assertThat(LikePattern.glob("aws.iam.*")).isEqualTo("aws.iam.%");
        assertThat(LikePattern.glob("*_%\\*")).isEqualTo("%\\_\\%\\\\%");
    }

    @Test
    void containsAndPrefixEscapeWildcards() {
        assertThat(LikePattern.contains("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
        assertThat(LikePattern.prefix("ab_c")).isEqualTo("ab\\_c%");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(LikePattern.literal("arn:aws:iam::1:user/alice")).isEqualTo("arn:aws:iam::1:user/alice");
    }
}
