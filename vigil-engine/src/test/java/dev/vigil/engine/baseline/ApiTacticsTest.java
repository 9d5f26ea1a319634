package dev.vigil.engine.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApiTacticsTest {

    private final ApiTactics builtIn = ApiTactics.builtIn();

    @Test
    void theBuiltInTableLoadsAndReachesEveryTactic() {
        assertThat(builtIn.used()).isEqualTo(EnumSet.allOf(Tactic.class));
    }

    @Test
    void exactRulesWinOverPrefixesAndPrefixesOverDefaults() {
        assertThat(builtIn.of("iam.amazonaws.com", "CreateAccessKey", false)).isEqualTo(Tactic.PERSISTENCE);
        assertThat(builtIn.of("secretsmanager.amazonaws.com", "GetSecretValue", true))
                .isEqualTo(Tactic.CREDENTIAL_ACCESS);
        assertThat(builtIn.of("cloudtrail.amazonaws.com", "StopLogging", false)).isEqualTo(Tactic.DEFENSE_EVASION);
        assertThat(builtIn.of("s3.amazonaws.com", "GetObject", true)).isEqualTo(Tactic.EXFILTRATION);
        assertThat(builtIn.of("signin.amazonaws.com", "ConsoleLogin", false)).isEqualTo(Tactic.INITIAL_ACCESS);
        assertThat(builtIn.of("iam.amazonaws.com", "AttachUserPolicy", false))
                .isEqualTo(Tactic.PRIVILEGE_ESCALATION);
        assertThat(builtIn.of("kms.amazonaws.com", "DisableKey", false)).isEqualTo(Tactic.IMPACT);
        assertThat(builtIn.of("s3.amazonaws.com", "DeleteBucket", false)).isEqualTo(Tactic.IMPACT);
        assertThat(builtIn.of("ec2.amazonaws.com", "DescribeInstances", true)).isEqualTo(Tactic.DISCOVERY);
        assertThat(builtIn.of("ec2.amazonaws.com", "GetConsoleOutput", true)).isEqualTo(Tactic.DISCOVERY);
        assertThat(builtIn.of("foo.amazonaws.com", "Frobnicate", true)).isEqualTo(Tactic.DISCOVERY);
        assertThat(builtIn.of("foo.amazonaws.com", "Frobnicate", false)).isEqualTo(Tactic.IMPACT);
    }

    private static ApiTactics parse(String text) throws Exception {
        return ApiTactics.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.yaml");
    }

    @Test
    void aBrokenTableIsRefusedWithItsLine() throws Exception {
        String tail = "default-read-only: Discovery\ndefault-write: Impact\n";
        assertThat(parse("version: 1\nexact:\n  ListUsers: Discovery\n" + tail).of("x", "ListUsers", false))
                .isEqualTo(Tactic.DISCOVERY);
        assertThatThrownBy(() -> parse("version: 1\nexact:\n  ListUsers: Recon\n" + tail))
                .isInstanceOf(BaselineConfigException.class).hasMessageContaining("t.yaml#line 3")
                .hasMessageContaining("not a tactic");
        assertThatThrownBy(() -> parse("version: 1\nprefix:\n  \"Get*\": Discovery\n" + tail))
                .hasMessageContaining("t.yaml#line 3").hasMessageContaining("prefix");
        assertThatThrownBy(() -> parse("version: 2\n" + tail)).hasMessageContaining("version must be 1");
        assertThatThrownBy(() -> parse("version: 1\n")).hasMessageContaining("required");
        assertThatThrownBy(() -> parse("version: 1\nrules: {}\n" + tail)).hasMessageContaining("unknown key");
    }
}
