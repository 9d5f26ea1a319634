package dev.vigil.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresUrlTest {

    @TempDir
    Path home;

    private Map<String, String> env() {
        return Map.of("HOME", home.toString());
    }

    @Test
    void theThreeSpellingsGiveTheSameConnection() {
        for (String text : new String[] {"postgresql://ana:s3cret@db.example:6543/vigil",
                                         "postgres://ana:s3cret@db.example:6543/vigil",
                                         "jdbc:postgresql://ana:s3cret@db.example:6543/vigil",
                                         "jdbc:postgresql://db.example:6543/vigil?user=ana&password=s3cret"}) {
            PostgresUrl url = PostgresUrl.parse(text, env());
            assertThat(url.jdbcUrl()).as(text).isEqualTo("jdbc:postgresql://db.example:6543/vigil");
            assertThat(url.user()).isEqualTo("ana");
            assertThat(url.password()).contains("s3cret");
            assertThat(url.display()).isEqualTo("postgresql://ana:***@db.example:6543/vigil").doesNotContain("s3cret");
        }
    }

    @Test
    void defaultsFollowLibpq() {
        PostgresUrl url = PostgresUrl.parse("postgresql://", Map.of("PGUSER", "team", "HOME", home.toString()));

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/team");
        assertThat(url.user()).isEqualTo("team");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void percentEncodedPasswordsAndOtherParametersPassThrough() {
        PostgresUrl url = PostgresUrl.parse("postgresql://ana:p%40ss%3Aw%2Frd@[::1]/db?sslmode=require", env());

        assertThat(url.password()).contains("p@ss:w/rd");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db?sslmode=require");
        assertThat(url.connectionProperties().getProperty("password")).isEqualTo("p@ss:w/rd");
    }

    @Test
    void thePasswordComesFromPgpasswordThenThePasswordFile() throws IOException {
        assertThat(PostgresUrl.parse("postgresql://ana@h/db", Map.of("PGPASSWORD", "fromenv", "HOME",
                home.toString())).password()).contains("fromenv");

        Files.writeString(home.resolve(".pgpass"), """
                # comment
                other:5432:db:ana:wrong
                h:5432:*:ana:fr\\:om\\\\file
                """);
        assertThat(PostgresUrl.parse("postgresql://ana@h/db", env()).password()).contains("fr:om\\file");
        Path custom = Files.writeString(home.resolve("custom"), "*:*:*:*:custom\n");
        assertThat(PostgresUrl.parse("postgresql://ana@h/db", Map.of("PGPASSFILE", custom.toString()))
                .password()).contains("custom");
        assertThat(PostgresUrl.parse("postgresql://ana:inurl@h/db", env()).password()).contains("inurl");
    }

    @Test
    void malformedUrlsAreRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://x", env())).isInstanceOf(StoreException.class)
                .hasMessageContaining("postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ana:se cret@h/db", env()))
                .isInstanceOf(StoreException.class).hasMessageNotContaining("se cret").hasMessageContaining("%40");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://h1,h2/db", env()))
                .hasMessageContaining("several hosts");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://h/db?flag", env()))
                .hasMessageContaining("not name=value");
        assertThat(FindingStore.isDatabaseUrl("POSTGRES://h/db")).isTrue();
        assertThat(FindingStore.isDatabaseUrl("./.vigil")).isFalse();
    }
}
