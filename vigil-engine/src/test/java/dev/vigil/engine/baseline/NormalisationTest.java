package dev.vigil.engine.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void networksAreSlash24Slash48OrTheServiceName() {
        assertThat(SourceNetwork.of("198.51.100.7")).isEqualTo("198.51.100.0/24");
        assertThat(SourceNetwork.of("2001:db8:1:2::5")).isEqualTo("2001:db8:1::/48");
        assertThat(SourceNetwork.of("2001:DB8:0001:ffff:0:0:0:1")).isEqualTo("2001:db8:1::/48");
        assertThat(SourceNetwork.of("::ffff:192.0.2.1")).isEqualTo("192.0.2.0/24");
        assertThat(SourceNetwork.of("athena.amazonaws.com")).isEqualTo("athena.amazonaws.com");
        assertThat(SourceNetwork.of("999.1.1.1")).isEqualTo(SourceNetwork.OTHER);
        assertThat(SourceNetwork.of("evil.example.com")).isEqualTo(SourceNetwork.OTHER);
        assertThat(SourceNetwork.of("")).isEqualTo(SourceNetwork.OTHER);
        assertThat(SourceNetwork.of(":::::::::")).isEqualTo(SourceNetwork.OTHER);
    }

    @Test
    void userAgentsBecomeToolFamiliesWithoutVersions() {
        assertThat(UserAgentFamily.of("aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64 botocore/2.0"))
                .isEqualTo("aws-cli");
        assertThat(UserAgentFamily.of("aws-cli/1.18.1 Python/3.8 botocore/1.15")).isEqualTo("aws-cli");
        assertThat(UserAgentFamily.of("Boto3/1.34.1 md/Botocore#1.34.1 Python/3.12")).isEqualTo("boto3");
        assertThat(UserAgentFamily.of("Botocore/1.34.1 Python/3.12")).isEqualTo("botocore");
        assertThat(UserAgentFamily.of("aws-sdk-java/1.12.600 Linux/6.1 OpenJDK_64-Bit_Server_VM"))
                .isEqualTo("aws-sdk-java");
        assertThat(UserAgentFamily.of("aws-sdk-go-v2/1.24.0 os/linux")).isEqualTo("aws-sdk-go");
        assertThat(UserAgentFamily.of("APN/1.0 HashiCorp/1.0 Terraform/1.7.0 terraform-provider-aws/5.31.0"
                + " aws-sdk-go/1.49.13")).isEqualTo("terraform");
        assertThat(UserAgentFamily.of("AWS Internal")).isEqualTo("console");
        assertThat(UserAgentFamily.of("console.amazonaws.com")).isEqualTo("console");
        assertThat(UserAgentFamily.of("Mozilla/5.0 (X11; Linux x86_64)")).isEqualTo("browser");
        assertThat(UserAgentFamily.of("python-requests/2.31.0")).isEqualTo("python-requests");
        assertThat(UserAgentFamily.of("cloudformation.amazonaws.com")).isEqualTo("cloudformation");
        assertThat(UserAgentFamily.of("")).isEqualTo("none");
        assertThat(UserAgentFamily.of("12345/6")).isEqualTo("other");
        assertThat(UserAgentFamily.of("x".repeat(10_000))).hasSize(UserAgentFamily.MAX_LENGTH);
    }

    @Test
    void hoursOfTheWeekStartOnMondayUtc() {
        Instant thursdayNoon = Instant.parse("2026-10-01T12:30:00Z");
        assertThat(thursdayNoon.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(HourOfWeek.of(thursdayNoon.toEpochMilli())).isEqualTo(3 * 24 + 12);
        assertThat(HourOfWeek.of(Instant.parse("2026-10-05T00:00:00Z").toEpochMilli())).isZero();
        assertThat(HourOfWeek.of(Instant.parse("1969-12-31T23:59:59Z").toEpochMilli())).isEqualTo(2 * 24 + 23);
        assertThat(HourOfWeek.label(3 * 24 + 12)).isEqualTo("Thu 12:00-12:59 UTC");
    }
}
