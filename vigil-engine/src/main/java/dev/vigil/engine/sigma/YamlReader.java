package dev.vigil.engine.sigma;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads every document of a YAML text into {@link YamlNode} trees, with bounds so that a hostile rule file cannot
 * exhaust memory: nesting depth and scalar size are limited, and anchors/aliases are refused outright (Sigma rules
 * never need them, and refusing them rules out "billion laughs" expansion whatever the parser does with them).
 */
final class YamlReader {

    /** Deepest nesting a rule may use; real rules need about six levels. */
    static final int MAX_DEPTH = 40;

    private static final YAMLFactory FACTORY = createFactory();

    private YamlReader() {
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(1);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 2);
        options.setCodePointLimit(4 * 1024 * 1024);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 2)
                        .maxStringLength(2 * 1024 * 1024)
                        .build())
                .build();
    }

    /** All non-empty documents of the text, in order. */
    static List<YamlNode> readAll(String text) throws YamlException {
        List<YamlNode> documents = new ArrayList<>();
        try (YAMLParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                YamlNode node = read(parser, token, 0);
                boolean empty = node instanceof YamlNode.Scalar s
                        && (s.isNull() || (s.kind() == YamlNode.Kind.STRING && s.text().isEmpty()));
                if (!empty) {
                    documents.add(node);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new YamlException(at == null ? 0 : at.getLineNr(), "invalid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new YamlException(0, "invalid YAML: " + e.getMessage());
        }
        return documents;
    }

    private static YamlNode read(YAMLParser parser, JsonToken token, int depth) throws IOException, YamlException {
        int line = parser.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new YamlException(line, "YAML nested deeper than " + MAX_DEPTH + " levels");
        }
        if (parser.getObjectId() != null || parser.isCurrentAlias()) {
            throw new YamlException(line, "YAML anchors and aliases (&name, *name) are not allowed in rules;"
                    + " write the values out");
        }
        return switch (token) {
            case START_OBJECT -> readMapping(parser, line, depth);
            case START_ARRAY -> readSequence(parser, line, depth);
            case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), YamlNode.Kind.STRING, line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new YamlNode.Scalar(parser.getText(), YamlNode.Kind.NUMBER, line);
            case VALUE_TRUE, VALUE_FALSE -> booleanOrText(parser.getText(), line);
            case VALUE_NULL -> new YamlNode.Scalar("", YamlNode.Kind.NULL, line);
            default -> throw new YamlException(line, "unsupported YAML construct (" + token + ")");
        };
    }

    /**
     * YAML 1.1 parsers read {@code yes}, {@code no}, {@code on}, {@code off} as booleans; Sigma follows YAML 1.2 where
     * only {@code true} and {@code false} are, so that {@code MFAUsed: Yes} compares with the text "Yes".
     */
    private static YamlNode booleanOrText(String text, int line) {
        String t = text.toLowerCase(Locale.ROOT);
        boolean isBoolean = t.equals("true") || t.equals("false");
        return new YamlNode.Scalar(text, isBoolean ? YamlNode.Kind.BOOLEAN : YamlNode.Kind.STRING, line);
    }

    private static YamlNode readMapping(YAMLParser parser, int line, int depth) throws IOException, YamlException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw new YamlException(parser.currentTokenLocation().getLineNr(), "expected a mapping key");
            }
            String key = parser.currentName();
            int keyLine = parser.currentTokenLocation().getLineNr();
            if (!seen.add(key)) {
                throw new YamlException(keyLine, "duplicate key '" + key + "'");
            }
            YamlNode value = read(parser, parser.nextToken(), depth + 1);
            entries.add(new YamlNode.Entry(key, keyLine, value));
        }
        return new YamlNode.Mapping(entries, line);
    }

    private static YamlNode readSequence(YAMLParser parser, int line, int depth) throws IOException, YamlException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(read(parser, token, depth + 1));
        }
        return new YamlNode.Sequence(items, line);
    }
}
