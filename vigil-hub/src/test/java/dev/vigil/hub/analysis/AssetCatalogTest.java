package dev.vigil.hub.analysis;

import dev.vigil.hub.Glob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class AssetCatalogTest {

    private static AssetCatalog parse(String yaml) throws AssetFileException {
        return AssetCatalog.parse(new StringReader(yaml), "assets.yml");
    }

    @Test
    void readsEveryKindOfCondition() throws Exception {
        AssetCatalog catalog = parse("""
                version: 1
                assets:
                  - resource: "arn:aws:s3:::payroll-*"
                    criticality: critical
                    owner: finance-platform
                  - resource: "i-0abc*"
                    account: "111122223333"
                    criticality: medium
                  - tag: env=prod*
                    criticality: High
                  - account: 999988887777
                    criticality: low
                """);

        assertThat(catalog.entries()).hasSize(4);
        assertThat(catalog.entries().get(0)).isEqualTo(new AssetEntry(1, 3, "arn:aws:s3:::payroll-*", null, null,
                null, Criticality.CRITICAL, "finance-platform"));
        assertThat(catalog.entries().get(2).tagKey()).isEqualTo("env");
        assertThat(catalog.entries().get(2).tagValue()).isEqualTo("prod*");
        assertThat(catalog.entries().get(3).account()).isEqualTo("999988887777");

        assertThat(catalog.match("arn:aws:s3:::payroll-2024", "1", Map.of())).map(AssetEntry::number).contains(1);
        assertThat(catalog.match("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc12", "111122223333", Map.of()))
                .map(AssetEntry::number).contains(2);
        assertThat(catalog.match("i-0abc12", "222233334444", Map.of())).isEmpty();
        assertThat(catalog.match("anything", "1", Map.of("env", "production"))).map(AssetEntry::number).contains(3);
        assertThat(catalog.match("anything", "1", Map.of("env", "dev"))).isEmpty();
        assertThat(catalog.match("anything", "999988887777", Map.of())).map(AssetEntry::number).contains(4);
    }

    @Test
    void firstMatchingEntryWins() throws Exception {
        AssetCatalog catalog = parse("""
                assets:
                  - account: "111122223333"
                    criticality: low
                  - resource: "*"
                    criticality: critical
                """);
        assertThat(catalog.match("bucket", "111122223333", Map.of())).map(AssetEntry::criticality)
                .contains(Criticality.LOW);
        assertThat(catalog.match("bucket", "222233334444", Map.of())).map(AssetEntry::criticality)
                .contains(Criticality.CRITICAL);
    }

    @Test
    void reportsEveryEntryProblemWithFileEntryAndLine() {
        assertThatThrownBy(() -> parse("""
                assets:
                  - resource: "arn:aws:s3:::a"
                    criticality: severe
                  - account: "12345"
                    criticality: high
                  - tag: env
                    criticality: high
                  - criticality: high
                  - resource: x
                  - resource: y
                    criticality: high
                    colour: blue
                  - just text
                """))
                .isInstanceOfSatisfying(AssetFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "assets.yml: entry 1 (line 2): unknown criticality 'severe': use one of low, medium, high, "
                                + "critical",
                        "assets.yml: entry 2 (line 4): account '12345' is not a 12-digit AWS account id; quote it "
                                + "(\"012345678901\") so leading zeros are kept",
                        "assets.yml: entry 3 (line 6): tag 'env' must be key=value, e.g. env=prod (the value may "
                                + "use *)",
                        "assets.yml: entry 4 (line 8): no condition; give at least one of resource, account or tag",
                        "assets.yml: entry 5 (line 9): no 'criticality'; add one of low, medium, high, critical",
                        "assets.yml: entry 6 (line 10): unknown key 'colour'; use resource, account, tag, "
                                + "criticality or owner",
                        "assets.yml: entry 7 (line 13): an entry must be a mapping such as '- resource: ...' with "
                                + "'criticality:'"))
                .hasMessageStartingWith("7 problems in asset file assets.yml:");
    }

    @Test
    void rejectsWrongShapes() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("the asset file is empty");
        assertThatThrownBy(() -> parse("- a\n- b\n")).hasMessageContaining("must be a mapping with an 'assets:' list");
        assertThatThrownBy(() -> parse("assets: none\n")).hasMessageContaining("'assets' must be a list");
        assertThatThrownBy(() -> parse("version: 2\nassets: []\n")).hasMessageContaining("version '2' is not supported");
        assertThatThrownBy(() -> parse("asset:\n  - account: \"111122223333\"\n    criticality: low\n"))
                .hasMessageContaining("unknown top-level key 'asset'")
                .hasMessageContaining("no 'assets:' list");
        assertThatThrownBy(() -> parse("assets: [\n")).hasMessageStartingWith("assets.yml: line")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void refusesAnchorsAndAliases() {
        assertThatThrownBy(() -> parse("""
                assets:
                  - &a
                    account: "111122223333"
                    criticality: low
                  - *a
                """)).hasMessageContaining("anchors and aliases");
    }

    @Test
    void loadsFromAFileAndNamesUnreadableOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("assets.yml");
        Files.writeString(file, "assets:\n  - resource: \"i-*\"\n    criticality: high\n");
        assertThat(AssetCatalog.load(file).entries()).hasSize(1);
        assertThat(AssetCatalog.load(file).source()).isEqualTo(file.toString());
        assertThatThrownBy(() -> AssetCatalog.load(dir.resolve("missing.yml")))
                .isInstanceOf(AssetFileException.class).hasMessageContaining("missing.yml: cannot read");
    }

    @Test
    void readsCriticalityFromResourceTags() {
        assertThat(AssetCatalog.fromTags(Map.of("vigil:criticality", "critical"))).map(Map.Entry::getValue)
                .contains(Criticality.CRITICAL);
        assertThat(AssetCatalog.fromTags(Map.of("owner", "high"))).isEmpty();
    }

    @Test
    void globsMatchStarsOnly() {
        assertThat(new Glob("arn:aws:s3:::prod-*").matches("arn:aws:s3:::prod-logs")).isTrue();
        assertThat(new Glob("*logs*").matches("prod-logs-2024")).isTrue();
        assertThat(new Glob("a*b*c").matches("aXbYc")).isTrue();
        assertThat(new Glob("a*b*c").matches("aXbY")).isFalse();
        assertThat(new Glob("i-0abc").matches("i-0abcd")).isFalse();
        assertThat(new Glob("prod.?").matches("prodX1")).isFalse();
        assertThat(new Glob("*").matches("")).isTrue();
        assertThat(new Glob("**a").matches("bbba")).isTrue();
    }
}
