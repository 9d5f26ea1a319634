package dev.vigil.cli;

import dev.vigil.engine.RuleLoadOptions;
import dev.vigil.engine.RuleLoader;
import dev.vigil.engine.sigma.FieldMapping;
import dev.vigil.engine.sigma.PlaceholdersException;
import dev.vigil.model.Problem;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * How rule files are read, for every command that loads rules: {@code --placeholders FILE} (values for the
 * {@code %name%} placeholders of rules using {@code expand}) and {@code --field-mapping FILE} (renames the fields of
 * rules written for other field names).
 */
final class RuleLoadingOptions {

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "Values for the %%name%% placeholders of rules using the expand modifier: a YAML file "
                    + "'placeholders: {name: [value, ...]}'. Rules using a placeholder it does not define are skipped "
                    + "with a problem.")
    Path placeholders;

    @Option(names = "--field-mapping", paramLabel = "FILE",
            description = "Rename the fields of the rules loaded from PATHs before compiling them: a YAML file "
                    + "'fieldmappings: {TheirField: ourField, ...}' (optionally per logsource; see docs/sigma.md).")
    Path fieldMapping;

    /** How to read rules: with the files' placeholders and mapping, or none. A bad file stops the command. */
    RuleLoadOptions options() {
        RuleLoadOptions options = RuleLoadOptions.DEFAULT;
        if (placeholders != null) {
            try {
                options = options.withPlaceholders(RuleLoader.loadPlaceholders(placeholders));
            } catch (PlaceholdersException e) {
                throw new UserError(e.getMessage() + " (--placeholders)", e);
            }
        }
        if (fieldMapping != null) {
            FieldMapping.Parsed parsed = RuleLoader.loadFieldMapping(fieldMapping);
            if (parsed.mapping().isEmpty() || !parsed.problems().isEmpty()) {
                throw new UserError("the field-mapping file cannot be used (--field-mapping): " + (parsed.problems()
                        .isEmpty() ? fieldMapping + " defines no mapping" : parsed.problems().stream()
                        .map(RuleLoadingOptions::describe).collect(Collectors.joining("; "))));
            }
            options = options.withFieldMapping(parsed.mapping().get());
        }
        return options;
    }

    private static String describe(Problem p) {
        return TerminalText.sanitize(p.location()) + ": " + TerminalText.sanitize(p.message());
    }
}
