package dev.vigil.engine;

import dev.vigil.engine.sigma.SigmaFilter;
import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sigma filters: found anywhere in what was loaded, applied as "rule and not filter" on their log source. */
class FilterTest {

    private static final String RULES = """
            title: Key created
            id: 7f3e2987-db24-4c78-a860-b4f4095a7095
            name: key-created
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection: {eventName: CreateAccessKey}
              condition: selection
            ---
            title: User created
            name: user-created
            logsource: {product: aws}
            detection:
              selection: {eventName: CreateUser}
              condition: selection
            """;

    private static final String ADMIN_FILTER = """
            title: Administrators' own changes
            description: Accounts starting with adm_ manage IAM by design.
            logsource: {product: aws, service: cloudtrail}
            filter:
              rules: [%s]
              admins:
                userIdentity.userName|startswith: adm_
              condition: admins
            """;

    private static int ids;

    private static MapEvent event(String name, String user) {
        return new MapEvent(Map.of("eventName", name, "userIdentity.userName", user), "{}", "e" + ids++, 1_000L * ids);
    }

    private static List<String> firing(DetectionSet set, MapEvent... events) {
        return Detections.hits(set, List.of(events)).stream().map(h -> h.ruleId() + "/" + h.evidence().eventId())
                .toList();
    }

    private static DetectionSet compile(RuleLoadResult loaded) {
        DetectionSet set = DetectionSet.of(loaded);
        assertThat(set.problems()).isEmpty();
        return set;
    }

    @Test
    void aFilterInTheSameFileSuppressesTheMatchesItDescribes() {
        DetectionSet set = compile(RuleLoader.loadText("r.yml", RULES + "---\n" + ADMIN_FILTER.formatted("key-created")));
        MapEvent admin = new MapEvent(Map.of("eventName", "CreateAccessKey", "userIdentity.userName", "adm_ana"),
                "{}", "admin", 0);
        MapEvent other = new MapEvent(Map.of("eventName", "CreateAccessKey", "userIdentity.userName", "bob"),
                "{}", "other", 0);
        MapEvent noUser = new MapEvent(Map.of("eventName", "CreateAccessKey"), "{}", "anonymous", 0);
        assertThat(firing(set, admin, other, noUser)).containsExactly("key-created/other", "key-created/anonymous");
        assertThat(set.filtersOf("key-created")).containsExactly("Administrators' own changes");
        assertThat(set.filtersOf("user-created")).isEmpty();
        assertThat(firing(set, new MapEvent(Map.of("eventName", "CreateUser", "userIdentity.userName", "adm_x"),
                "{}", "u", 0))).as("rules the filter does not name are untouched").containsExactly("user-created/u");
    }

    @Test
    void aFilterInAnotherFileOfTheDirectoryAppliesWhateverTheOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-filter.yml"), ADMIN_FILTER.formatted("key-created, user-created"));
        Files.createDirectories(dir.resolve("z"));
        Files.writeString(dir.resolve("z/rules.yml"), RULES);
        RuleLoadResult loaded = RuleLoader.loadDirectory(dir);
        assertThat(loaded.filters()).extracting(SigmaFilter::title).containsExactly("Administrators' own changes");
        DetectionSet set = compile(loaded);
        assertThat(firing(set, event("CreateAccessKey", "adm_1"), event("CreateUser", "adm_2"),
                event("CreateUser", "carol"))).hasSize(1);
        assertThat(set.filtersOf("user-created")).hasSize(1);
    }

    @Test
    void rulesAreReferencedByIdOrByName() {
        DetectionSet byId = compile(RuleLoader.loadText("r.yml", RULES + "---\n"
                + ADMIN_FILTER.formatted("7f3e2987-db24-4c78-a860-b4f4095a7095")));
        assertThat(byId.filtersOf("key-created")).hasSize(1);
        assertThat(firing(byId, event("CreateAccessKey", "adm_1"))).isEmpty();
        DetectionSet byName = compile(RuleLoader.loadText("r.yml", RULES + "---\n" + ADMIN_FILTER.formatted("key-created")));
        assertThat(firing(byName, event("CreateAccessKey", "adm_1"))).isEmpty();
    }

    @Test
    void anUnknownReferenceIsAProblemNamingItAndTheOtherReferencesStillApply() {
        DetectionSet set = DetectionSet.of(RuleLoader.loadText("r.yml", RULES + "---\n"
                + ADMIN_FILTER.formatted("key-creatd, user-created")));
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("reference-unknown");
            assertThat(p.location()).isEqualTo("r.yml:16");
            assertThat(p.message()).contains("filter 'Administrators' own changes'").contains("'key-creatd'")
                    .contains("not loaded").contains("key-created");
        });
        assertThat(set.filtersOf("user-created")).hasSize(1);
        assertThat(firing(set, event("CreateUser", "adm_1"), event("CreateAccessKey", "adm_1")))
                .singleElement().asString().startsWith("key-created/");
    }

    @Test
    void aFilterAppliesOnlyToEventsOfItsOwnLogSource() {
        String text = RULES + "---\n" + ADMIN_FILTER.formatted("user-created");
        DetectionSet set = compile(RuleLoader.loadText("r.yml", text));
        MapEvent config = event("CreateUser", "adm_1").withLogSource("aws:config");
        assertThat(firing(set, event("CreateUser", "adm_1"), config))
                .as("the rule reads every AWS source; the filter only CloudTrail")
                .containsExactly("user-created/" + config.id());
    }

    @Test
    void aFilterWhoseLogSourceCannotMeetTheRuleWarnsAndIsNotApplied() {
        DetectionSet set = compile(RuleLoader.loadText("r.yml", RULES + "---\n" + ADMIN_FILTER.formatted("key-created")
                .replace("service: cloudtrail", "service: vpcflowlogs")));
        assertThat(set.warnings()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo("filter-logsource");
            assertThat(w.message()).contains("never applies to rule 'key-created'")
                    .contains("{product: aws, service: vpcflowlogs}");
        });
        assertThat(set.filtersOf("key-created")).isEmpty();
    }

    @Test
    void severalFiltersOnOneRuleAllApply() {
        String second = """
                title: Break-glass
                name: break-glass
                logsource: {product: aws}
                filter:
                  rules: key-created
                  glass: {userIdentity.userName: breakglass}
                  condition: glass
                """;
        DetectionSet set = compile(RuleLoader.loadText("r.yml", RULES + "---\n" + ADMIN_FILTER.formatted("key-created")
                + "---\n" + second));
        assertThat(set.filtersOf("key-created")).containsExactly("Administrators' own changes", "break-glass");
        assertThat(firing(set, event("CreateAccessKey", "adm_1"), event("CreateAccessKey", "breakglass"),
                event("CreateAccessKey", "eve"))).hasSize(1);
    }

    @Test
    void filteredMatchesAreNotCountedByCorrelations() {
        String text = RULES + """
                ---
                title: Many keys
                name: many-keys
                correlation: {type: event_count, rules: [key-created], group-by: [], timespan: 5m, condition: {gte: 2}}
                """ + "---\n" + ADMIN_FILTER.formatted("key-created");
        DetectionSet set = compile(RuleLoader.loadText("r.yml", text));
        assertThat(Detections.firing(set, List.of(event("CreateAccessKey", "adm_1"), event("CreateAccessKey", "adm_2"),
                event("CreateAccessKey", "bob")))).isEmpty();
        assertThat(Detections.firing(set, List.of(event("CreateAccessKey", "eve"), event("CreateAccessKey", "bob"))))
                .containsExactly("many-keys");
    }

    @Test
    void aFilterNamingACorrelationIsAProblem() {
        String text = RULES + """
                ---
                title: Many keys
                name: many-keys
                correlation: {type: event_count, rules: [key-created], timespan: 5m, condition: {gte: 2}}
                """ + "---\n" + ADMIN_FILTER.formatted("many-keys");
        Problem p = DetectionSet.of(RuleLoader.loadText("r.yml", text)).problems().getFirst();
        assertThat(p.reason()).isEqualTo("filter-invalid");
        assertThat(p.message()).contains("cannot apply to 'many-keys', a correlation").contains("(key-created)");
    }

    @Test
    void filterIdsMustNotClashWithRules() {
        String text = RULES + "---\n" + ADMIN_FILTER.formatted("key-created").replace("title:", "name: user-created\ntitle:");
        List<Problem> problems = DetectionSet.of(RuleLoader.loadText("r.yml", text)).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("rule-duplicate");
            assertThat(p.message()).contains("filter 'user-created' is not loaded").contains("the rule at r.yml:9");
        });
    }

    @Test
    void aConditionStartingWithNotWarnsThatVigilSuppressesWhatItMatches() {
        RuleLoadResult r = RuleLoader.loadText("f.yml", ADMIN_FILTER.formatted("key-created")
                .replace("condition: admins", "condition: not admins"));
        assertThat(r.filters()).hasSize(1);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo("filter-inverted");
            assertThat(w.location()).isEqualTo("f.yml:8");
            assertThat(w.message()).contains("drop the 'not'");
        });
    }

    @Test
    void brokenFiltersAreReportedWithTheirLine() {
        assertThat(problem(ADMIN_FILTER.formatted("x").replace("  rules: [x]\n", "")))
                .contains("missing 'rules' in filter");
        assertThat(problem(ADMIN_FILTER.formatted("x").replace("logsource: {product: aws, service: cloudtrail}\n", "")))
                .contains("missing 'logsource'");
        assertThat(problem(ADMIN_FILTER.formatted("x").replace("  condition: admins\n", "")))
                .contains("missing 'condition' in filter");
        assertThat(problem(ADMIN_FILTER.formatted("x").replace("  condition: admins", "  timeframe: 5m\n  condition: admins")))
                .contains("a filter has no 'timeframe'");
        assertThat(problem(ADMIN_FILTER.formatted("x").replace("condition: admins", "condition: admins | count() > 2")))
                .contains("'|' aggregation");
        assertThat(problem(ADMIN_FILTER.formatted("x").replace("title: Administrators' own changes\n", "")))
                .contains("missing 'title'");
        assertThat(problem("title: t\nlogsource: {}\nfilter: [x]\n")).contains("'filter' must be a mapping");
        assertThat(problem(ADMIN_FILTER.formatted("x") + "detection: {s: {a: 1}, condition: s}\n"))
                .contains("not both");
    }

    private static String problem(String text) {
        RuleLoadResult r = RuleLoader.loadText("f.yml", text);
        assertThat(r.filters()).isEmpty();
        assertThat(r.problems()).isNotEmpty();
        return String.join("\n", r.problems().stream().map(Problem::message).toList());
    }
}
