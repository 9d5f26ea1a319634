package dev.vigil.sim;

/** Where generated flow records go; the writer files them by interface and 5-minute window. */
interface FlowSink {
    void add(Flow flow);
}
