package dev.vigil.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void errorMessagesKeepTheirLineBreaksButNoControlCharacters() {
        String escaped = Main.escapedLines("no resource 'vpc-\u001b]0;OWNED\u0007\u001b[2J'\n  { $.a }\n    ^");
        assertThat(escaped).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(escaped.split("\n", -1)).hasSize(3);
        assertThat(Main.escapedLines("\nsecond")).isEqualTo("\nsecond");
    }

    @Test
    void aUserErrorQuotingHostileTextReachesTheTerminalEscaped() {
        CliRunner.Result r = CliRunner.run("posture", "/nonexistent/\u001b[2Jdir");
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("does not exist").doesNotContain("\u001b");
    }
}
