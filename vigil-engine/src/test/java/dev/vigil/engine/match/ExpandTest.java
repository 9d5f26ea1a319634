package dev.vigil.engine.match;

import dev.vigil.engine.sigma.Placeholders;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.engine.match.Selections.compile;
import static dev.vigil.engine.match.Selections.matches;
import static dev.vigil.engine.match.Selections.placeholders;
import static dev.vigil.engine.match.Selections.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** expand: %name% placeholders replaced by the values of the user's configuration. */
class ExpandTest {

    private static final Placeholders CONFIG = placeholders(
            "admin_ips", List.of("10.0.0.1", "10.0.0.2"),
            "admin_nets", List.of("10.0.0.0/8", "192.168.0.0/16"),
            "Administrators", List.of("admin", "ops-*"),
            "env", List.of("prod", "dev"),
            "region", List.of("eu", "us"),
            "weird", List.of("a\\b", "50%"));

    @Test
    void aPlaceholderStandsForAnyOfItsValues() {
        EventMatcher m = compile(CONFIG, "f|expand: '%admin_ips%'");
        assertThat(matches(m, "10.0.0.1")).isTrue();
        assertThat(matches(m, "10.0.0.2")).isTrue();
        assertThat(matches(m, "10.0.0.3")).isFalse();
        assertThat(matches(m, null)).isFalse();
    }

    @Test
    void placeholderValuesAreSigmaStringsWithWildcards() {
        EventMatcher m = compile(CONFIG, "f|expand: '%Administrators%'");
        assertThat(matches(m, "ADMIN")).isTrue();
        assertThat(matches(m, "ops-team")).isTrue();
        assertThat(matches(m, "dev-team")).isFalse();
        EventMatcher literal = compile(CONFIG, "f|expand: 'x%weird%'");
        assertThat(matches(literal, "xa\\b")).isTrue();
        assertThat(matches(literal, "x50%")).isTrue();
    }

    @Test
    void textAroundPlaceholdersAndEveryCombination() {
        EventMatcher m = compile(CONFIG, "f|expand: 'arn:%env%-%region%-*'");
        for (String ok : new String[] {"arn:prod-eu-1", "arn:prod-us-x", "arn:dev-eu-", "arn:dev-us-2"}) {
            assertThat(matches(m, ok)).as(ok).isTrue();
        }
        assertThat(matches(m, "arn:test-eu-1")).isFalse();
    }

    @Test
    void afterOtherModifiersAndBeforeCidr() {
        EventMatcher contains = compile(CONFIG, "f|contains|expand: '/%env%/'");
        assertThat(matches(contains, "s3://bucket/prod/key")).isTrue();
        assertThat(matches(contains, "s3://bucket/test/key")).isFalse();
        EventMatcher cidr = compile(CONFIG, "f|expand|cidr: '%admin_nets%'");
        assertThat(matches(cidr, "10.9.9.9")).isTrue();
        assertThat(matches(cidr, "192.168.1.1")).isTrue();
        assertThat(matches(cidr, "172.16.0.1")).isFalse();
        EventMatcher neq = compile(CONFIG, "f|expand|neq: '%admin_ips%'");
        assertThat(matches(neq, "10.0.0.1")).isFalse();
        assertThat(matches(neq, "10.0.0.9")).isTrue();
        EventMatcher regex = compile(placeholders("host", List.of("web\\d+")), "f|expand|re: '^%host%\\.example$'");
        assertThat(matches(regex, "web12.example")).isTrue();
        assertThat(matches(regex, "webx.example")).isFalse();
    }

    @Test
    void withAllEachWrittenValueMatchesThroughAnyOfItsValues() {
        EventMatcher m = compile(CONFIG, "f|contains|expand|all: ['%env%', '%region%']");
        assertThat(matches(m, "prod in us")).isTrue();
        assertThat(matches(m, "prod only")).isFalse();
    }

    @Test
    void escapedPercentIsPlainText() {
        EventMatcher m = compile(CONFIG, "f|expand: '\\%plain%env%'");
        assertThat(matches(m, "%plainprod")).isTrue();
        assertThat(matches(m, "%plaindev")).isTrue();
        EventMatcher backslash = compile(CONFIG, "f|expand: 'C:\\\\%env%'");
        assertThat(matches(backslash, "C:\\prod")).as("\\\\ is a backslash before the placeholder").isTrue();
        EventMatcher notExpanded = compile(CONFIG, "f: '%env%'");
        assertThat(matches(notExpanded, "%env%")).as("without expand a placeholder is text").isTrue();
        assertThat(matches(notExpanded, "prod")).isFalse();
    }

    @Test
    void numbersAndValuesWithoutPlaceholdersPassThrough() {
        assertThat(matches(compile(CONFIG, "f|expand: 22"), 22L)).isTrue();
        assertThat(matches(compile(Placeholders.NONE, "f|expand: plain"), "plain")).isTrue();
    }

    @Test
    void anUnresolvedPlaceholderRejectsTheRuleNamingRuleFieldAndPlaceholder() {
        Problem p = problem(CONFIG, "sourceIPAddress|expand: '%jump_servers%'");
        assertThat(p.location()).isEqualTo("test.yml:6");
        assertThat(p.reason()).isEqualTo("modifier-invalid");
        assertThat(p.message()).contains("rule 't'").contains("'sourceIPAddress|expand'")
                .contains("placeholder %jump_servers% is not defined")
                .contains("defined: Administrators, admin_ips, admin_nets, env, region, weird")
                .contains("placeholders: {jump_servers: [value, ...]}").contains("--placeholders FILE");
        Problem none = problem(Placeholders.NONE, "f|expand: '%admin_ips%'");
        assertThat(none.message()).contains("placeholder %admin_ips% is not defined")
                .contains("no placeholders file was given");
        Problem caseSlip = problem(CONFIG, "f|expand: '%administrators%'");
        assertThat(caseSlip.message()).as("names are case-sensitive").contains("%administrators% is not defined");
    }

    @Test
    void malformedPlaceholdersAreRefused() {
        assertThat(problem(CONFIG, "f|expand: '100%'").message()).contains("does not open a placeholder")
                .contains("\\%");
        assertThat(problem(CONFIG, "f|expand: '%admin ips%'").message()).contains("does not open a placeholder");
        assertThat(problem(CONFIG, "f|re|expand: '%env%'").message()).contains("'expand' replaces placeholders");
        Placeholders big = placeholders("a", java.util.Collections.nCopies(100, "x"), "b",
                java.util.Collections.nCopies(100, "y"));
        assertThat(problem(big, "f|expand: '%a%%b%'").message()).contains("more than 4096");
    }
}
