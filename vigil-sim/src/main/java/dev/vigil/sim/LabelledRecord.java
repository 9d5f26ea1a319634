package dev.vigil.sim;

/** A scenario record with the label that goes to {@code labels.jsonl}. */
record LabelledRecord(TrailRecord record, String scenario, String step) {
}
