package dev.vigil.hub.analysis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code assets.yml} with a streaming parser, bounded (size, nesting, string length; anchors and aliases
 * refused) because the file may come from anywhere. The shape is:
 *
 * <pre>
 * version: 1                 # optional
 * assets:
 *   - resource: "arn:aws:s3:::payroll-*"
 *     criticality: critical
 *     owner: finance-platform
 *   - tag: env=prod
 *     criticality: high
 * </pre>
 *
 * Every entry problem is collected (file, entry number, line, what is wrong, what to do); the catalog is built only
 * when there are none, so a typo never silently drops an entry.
 */
final class AssetFileReader {

    /** Largest asset file accepted, in characters: thousands of entries fit in far less. */
    static final int MAX_CHARS = 4 * 1024 * 1024;

    /** Most entries accepted; each finding is checked against them in order. */
    static final int MAX_ENTRIES = 10_000;

    /** Longest pattern or value accepted. */
    static final int MAX_VALUE_LENGTH = 1024;

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private static final Set<String> ENTRY_KEYS = Set.of("resource", "account", "tag", "criticality", "owner");

    private static final YAMLFactory FACTORY = createFactory();

    private AssetFileReader() {
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(1);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(8);
        options.setCodePointLimit(MAX_CHARS);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(8)
                        .maxStringLength(64 * 1024)
                        .build())
                .build();
    }

    static List<AssetEntry> read(Reader reader, String file) throws AssetFileException {
        List<String> problems = new ArrayList<>();
        List<AssetEntry> entries = new ArrayList<>();
        try (YAMLParser parser = FACTORY.createParser(reader)) {
            JsonToken token = next(parser, file);
            if (token == null) {
                throw fail(file, file + ": the asset file is empty; add an 'assets:' list (see docs/hub.md)");
            }
            if (token != JsonToken.START_OBJECT) {
                throw fail(file, at(file, parser) + ": the asset file must be a mapping with an 'assets:' list");
            }
            boolean sawAssets = false;
            while ((token = next(parser, file)) != JsonToken.END_OBJECT) {
                String key = parser.currentName();
                JsonToken value = next(parser, file);
                switch (key) {
                    case "version" -> {
                        if (!"1".equals(parser.getText())) {
                            problems.add(at(file, parser) + ": version '" + DisplayText.shorten(parser.getText())
                                    + "' is not supported; use version: 1 or leave it out");
                        }
                        parser.skipChildren();
                    }
                    case "assets" -> {
                        sawAssets = true;
                        if (value != JsonToken.START_ARRAY) {
                            problems.add(at(file, parser) + ": 'assets' must be a list of entries (lines starting "
                                    + "with '- ')");
                            parser.skipChildren();
                        } else {
                            readEntries(parser, file, entries, problems);
                        }
                    }
                    default -> {
                        problems.add(at(file, parser) + ": unknown top-level key '" + DisplayText.shorten(key)
                                + "'; only 'version' and 'assets' are allowed");
                        parser.skipChildren();
                    }
                }
            }
            if (!sawAssets) {
                problems.add(file + ": no 'assets:' list; add one (see docs/hub.md)");
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String line = where == null ? "" : " line " + where.getLineNr();
            throw fail(file, file + ":" + line + ": invalid YAML (" + e.getOriginalMessage()
                    + "); fix the syntax, and do not use anchors or aliases");
        } catch (IOException e) {
            throw fail(file, file + ": cannot read the asset file (" + e.getMessage() + ")");
        }
        if (!problems.isEmpty()) {
            throw new AssetFileException(file, problems);
        }
        return entries;
    }

    private static void readEntries(YAMLParser parser, String file, List<AssetEntry> entries, List<String> problems)
            throws IOException, AssetFileException {
        JsonToken token;
        int number = 0;
        while ((token = next(parser, file)) != JsonToken.END_ARRAY) {
            number++;
            int line = parser.currentTokenLocation().getLineNr();
            String where = file + ": entry " + number + " (line " + line + ")";
            if (number > MAX_ENTRIES) {
                throw fail(file, where + ": more than " + MAX_ENTRIES + " entries; use globs or tags to cover "
                        + "many resources with one entry");
            }
            if (token != JsonToken.START_OBJECT) {
                problems.add(where + ": an entry must be a mapping such as '- resource: ...' with 'criticality:'");
                parser.skipChildren();
                continue;
            }
            readEntry(parser, file, where, number, line, entries, problems);
        }
    }

    private static void readEntry(YAMLParser parser, String file, String where, int number, int line,
                                  List<AssetEntry> entries, List<String> problems)
            throws IOException, AssetFileException {
        String resource = null;
        String account = null;
        String tagKey = null;
        String tagValue = null;
        Criticality criticality = null;
        String owner = "";
        int before = problems.size();
        Set<String> seen = new HashSet<>();
        JsonToken token;
        while ((token = next(parser, file)) != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            JsonToken valueToken = next(parser, file);
            if (!ENTRY_KEYS.contains(key)) {
                problems.add(where + ": unknown key '" + DisplayText.shorten(key)
                        + "'; use resource, account, tag, criticality or owner");
                parser.skipChildren();
                continue;
            }
            if (!seen.add(key)) {
                problems.add(where + ": '" + key + "' is given twice; keep one");
            }
            if (!valueToken.isScalarValue() || valueToken == JsonToken.VALUE_NULL) {
                problems.add(where + ": '" + key + "' must be a single value");
                parser.skipChildren();
                continue;
            }
            String value = parser.getText().strip();
            if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
                problems.add(where + ": '" + key + "' must be 1 to " + MAX_VALUE_LENGTH + " characters");
                continue;
            }
            switch (key) {
                case "resource" -> resource = value;
                case "account" -> {
                    if (ACCOUNT.matcher(value).matches()) {
                        account = value;
                    } else {
                        problems.add(where + ": account '" + DisplayText.shorten(value) + "' is not a 12-digit "
                                + "AWS account id; quote it (\"012345678901\") so leading zeros are kept");
                    }
                }
                case "tag" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        problems.add(where + ": tag '" + DisplayText.shorten(value) + "' must be key=value, "
                                + "e.g. env=prod (the value may use *)");
                    } else {
                        tagKey = value.substring(0, eq).strip();
                        tagValue = value.substring(eq + 1).strip();
                    }
                }
                case "criticality" -> {
                    try {
                        criticality = Criticality.parse(value);
                    } catch (IllegalArgumentException e) {
                        problems.add(where + ": " + e.getMessage());
                    }
                }
                default -> owner = value;
            }
        }
        if (!seen.contains("criticality")) {
            problems.add(where + ": no 'criticality'; add one of low, medium, high, critical");
        }
        if (!seen.contains("resource") && !seen.contains("account") && !seen.contains("tag")) {
            problems.add(where + ": no condition; give at least one of resource, account or tag");
        }
        if (problems.size() == before) {
            entries.add(new AssetEntry(number, line, resource, account, tagKey, tagValue, criticality, owner));
        }
    }

    private static JsonToken next(YAMLParser parser, String file) throws IOException, AssetFileException {
        JsonToken token = parser.nextToken();
        if (token != null && (parser.getObjectId() != null || parser.isCurrentAlias())) {
            throw fail(file, at(file, parser) + ": YAML anchors and aliases (&name, *name) are not allowed in the "
                    + "asset file; write the values out");
        }
        return token;
    }

    private static String at(String file, YAMLParser parser) {
        return file + ": line " + parser.currentTokenLocation().getLineNr();
    }

    private static AssetFileException fail(String file, String problem) {
        return new AssetFileException(file, List.of(problem));
    }
}
