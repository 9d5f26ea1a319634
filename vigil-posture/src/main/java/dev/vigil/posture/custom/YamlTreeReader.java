package dev.vigil.posture.custom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one YAML document into {@link YamlNode}s that remember their line and column. Jackson's tree model drops
 * positions, so this walks the token stream itself.
 *
 * <p>Bounded (ARCHITECTURE principle 7): the text is capped by the caller, nesting is capped here, and YAML aliases
 * are not expanded (Jackson reports an alias as its anchor name), so a "billion laughs" file cannot blow up.
 */
final class YamlTreeReader {

    /** Deeper than any check file needs (checks → item → remediation → value is four). */
    static final int MAX_DEPTH = 20;

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .build();

    private YamlTreeReader() {
    }

    /** A problem with the file as YAML, at a 1-based position (0 when unknown). */
    static final class SyntaxException extends Exception {
        private final int line;
        private final int column;

        SyntaxException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /** The document's root, or a null scalar for an empty file. */
    static YamlNode read(String text) throws SyntaxException {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Scalar("", true, 1, 1);
            }
            YamlNode root = value(parser, 0);
            JsonToken after = parser.nextToken();
            if (after != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new SyntaxException("the file holds more than one YAML document; put all checks under one "
                        + "'checks:' list", at.getLineNr(), at.getColumnNr());
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxException("not valid YAML: " + e.getOriginalMessage(),
                    at == null ? 0 : Math.max(at.getLineNr(), 0), at == null ? 0 : Math.max(at.getColumnNr(), 0));
        } catch (IOException e) {
            throw new SyntaxException("not readable as YAML: " + e.getMessage(), 0, 0);
        }
    }

    private static YamlNode value(JsonParser parser, int depth) throws IOException, SyntaxException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new SyntaxException("nested deeper than " + MAX_DEPTH + " levels; a check file needs at most a few",
                    line, column);
        }
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, depth, line, column);
            case START_ARRAY -> sequence(parser, depth, line, column);
            case VALUE_NULL -> new YamlNode.Scalar("", true, line, column);
            default -> new YamlNode.Scalar(parser.getText(), false, line, column);
        };
    }

    private static YamlNode mapping(JsonParser parser, int depth, int line, int column)
            throws IOException, SyntaxException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName();
            parser.nextToken();
            entries.add(new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value(parser, depth + 1)));
        }
        return new YamlNode.Mapping(entries, line, column);
    }

    private static YamlNode sequence(JsonParser parser, int depth, int line, int column)
            throws IOException, SyntaxException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, depth + 1));
        }
        return new YamlNode.Sequence(items, line, column);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);          // reported by CheckDefinitionReader with both lines
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH + 5);
        options.setCodePointLimit(CustomCheckLoader.MAX_FILE_CHARS);
        return options;
    }
}
