package dev.vigil.engine.network;

/**
 * What one entry is about, with names: a detection kind, a window, and the facts the detection groups by. Unused
 * facts are "" or -1. {@link TallyMap} keeps keys as numbers in its rows; a key becomes this record when
 * {@link FlowVerdicts} judges the entry (its sample hash is {@link TallyMap}'s own, computed from the same names).
 *
 * @param kind     {@link FlowCatalogue.Kind} ordinal
 * @param window   tumbling-window index (time / window length), 0 for whole-scan entries
 * @param account  the flow's account id
 * @param region   the flow's region, or ""
 * @param resource instance id, else interface id, else the local address
 * @param peer     the remote address, or "" when the entry spans peers
 * @param port     a port, (protocol &lt;&lt; 16 | port), or -1
 */
record TallyKey(int kind, long window, String account, String region, String resource, String peer, int port) {
}
