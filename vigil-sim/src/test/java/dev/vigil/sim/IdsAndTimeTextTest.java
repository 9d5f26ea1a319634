package dev.vigil.sim;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsAndTimeTextTest {

    @Test
    void uuidsAreVersionFourAndDistinct() {
        Ids ids = new Ids(3);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String s = ids.uuid();
            assertThat(s).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(UUID.fromString(s).version()).isEqualTo(4);
            seen.add(s);
        }
        assertThat(seen).hasSize(5_000);
    }

    @Test
    void awsStyleIdsHaveTheirShapes() {
        Ids ids = new Ids(4);
        assertThat(ids.accessKeyId(true)).matches("AKIA[A-Z2-7]{16}");
        assertThat(ids.accessKeyId(false)).matches("ASIA[A-Z2-7]{16}");
        assertThat(ids.principalId(false)).matches("AIDA[A-Z2-7]{17}");
        assertThat(ids.principalId(true)).matches("AROA[A-Z2-7]{17}");
        assertThat(ids.s3RequestId()).matches("[A-Z0-9]{16}");
        assertThat(ids.alnum(16)).matches("[A-Za-z0-9]{16}");
        assertThat(ids.digits(12)).matches("\\d{12}");
        assertThat(new Ids(5).uuid()).isEqualTo(new Ids(5).uuid()).isNotEqualTo(new Ids(6).uuid());
    }

    @Test
    void isoTimeMatchesTheJdkFormatterAcrossDaysAndYears() {
        DateTimeFormatter jdk = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
        TimeText time = new TimeText();
        SplittableRandom random = new SplittableRandom(9);
        long from = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
        long t = from;
        for (int i = 0; i < 20_000; i++) {
            // mostly small steps (the cache path), sometimes a jump
            t = random.nextInt(10) == 0 ? random.nextLong(from, to) : t + random.nextLong(5_000_000);
            assertThat(time.iso(t)).isEqualTo(jdk.format(Instant.ofEpochMilli(t)));
        }
        assertThat(TimeText.iamDisplay(Instant.parse("2026-10-01T14:11:03Z").toEpochMilli()))
                .isEqualTo("Oct 1, 2026 2:11:03 PM");
        assertThat(TimeText.stsDisplay(Instant.parse("2026-10-01T00:46:28Z").toEpochMilli()))
                .isEqualTo("Oct 1, 2026, 12:46:28 AM");
    }
}
