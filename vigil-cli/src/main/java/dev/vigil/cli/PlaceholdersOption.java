package dev.vigil.cli;

import dev.vigil.engine.RuleLoadOptions;
import dev.vigil.engine.RuleLoader;
import dev.vigil.engine.sigma.PlaceholdersException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --placeholders FILE}: values for the {@code %name%} placeholders of rules that use {@code expand}. */
final class PlaceholdersOption {

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "Values for the %%name%% placeholders of rules using the expand modifier: a YAML file "
                    + "'placeholders: {name: [value, ...]}'. Rules using a placeholder it does not define are skipped "
                    + "with a problem.")
    Path file;

    /** How to read rules: with the file's placeholders, or none. A bad file stops the command. */
    RuleLoadOptions options() {
        if (file == null) {
            return RuleLoadOptions.DEFAULT;
        }
        try {
            return RuleLoadOptions.DEFAULT.withPlaceholders(RuleLoader.loadPlaceholders(file));
        } catch (PlaceholdersException e) {
            throw new UserError(e.getMessage() + " (--placeholders)", e);
        }
    }
}
