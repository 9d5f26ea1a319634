package dev.vigil.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code labels.jsonl}: one {@code {"eventID","scenario","step"}} object per scenario record. */
final class LabelWriter implements AutoCloseable {

    private final Path file;
    private final JsonGenerator json;
    private long labels;

    LabelWriter(Path file) {
        this.file = file;
        try {
            json = new JsonFactory().createGenerator(new BufferedOutputStream(Files.newOutputStream(file)));
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file + ": " + e.getMessage(), e);
        }
    }

    void write(LabelledRecord r) {
        try {
            json.writeStartObject();
            json.writeStringField("eventID", r.record().eventId());
            json.writeStringField("scenario", r.scenario());
            json.writeStringField("step", r.step());
            json.writeEndObject();
            json.writeRaw('\n');
            labels++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    long labels() {
        return labels;
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish " + file + ": " + e.getMessage(), e);
        }
    }
}
