package dev.vigil.metrics.pattern;

import dev.vigil.model.Event;

import java.util.List;

/** {@link LogMessage} over a decoded {@link Event}: fields come from {@link Event#field(String)}. */
record EventMessage(Event event) implements LogMessage {

    @Override
    public String text() {
        return event.rawJson();
    }

    @Override
    public boolean isJson() {
        return true;
    }

    @Override
    public Object field(String path) {
        Object v = event.field(path);
        if (v instanceof List<?> && path.indexOf('.') > 0 && crossesArray(path)) {
            return null;
        }
        return v;
    }

    /**
     * Event paths continue through arrays (Sigma's convention: {@code resources.ARN} lists every ARN); CloudWatch's
     * do not. Only a list result can come from such a walk, so only then are the parents looked at.
     */
    private boolean crossesArray(String path) {
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            if (event.field(path.substring(0, dot)) instanceof List<?>) {
                return true;
            }
        }
        return false;
    }
}
