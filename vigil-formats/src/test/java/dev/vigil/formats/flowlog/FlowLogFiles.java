package dev.vigil.formats.flowlog;

import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.input.LogFile;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.Problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

/** Writes flow-log fixtures and reads them back with {@link FlowLogFileReader}, collecting records and problems. */
final class FlowLogFiles {

    /** The worked examples of the VPC User Guide for the default format (spec §6). */
    static final String V2_SSH = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 "
            + "4249 1418530010 1418530070 ACCEPT OK";
    static final String V2_RDP = "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 "
            + "4249 1418530010 1418530070 REJECT OK";
    static final String V2_NODATA = "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";
    static final String V2_SKIPDATA = "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - "
            + "SKIPDATA";
    static final String V2_PING_IN = "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 "
            + "1432917027 1432917142 ACCEPT OK";
    static final String V2_PING_REPLY = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 "
            + "1432917094 1432917142 REJECT OK";
    static final String V2_IPV6 = "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 "
            + "2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK";
    static final String V2_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets "
            + "bytes start end action log-status";

    final Path dir;
    final List<FlowRecord> records = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final LongAdder bytes = new LongAdder();

    FlowLogFiles(Path dir) {
        this.dir = dir;
    }

    FlowLogFileReader.Result read(Path p) {
        return read(p, new FlowLogFileReader(new CloudTrailFileReader.Limits(1 << 20, 1 << 24), bytes));
    }

    FlowLogFileReader.Result read(Path p, FlowLogFileReader reader) {
        return reader.read(new LogFile(p, p.getFileName().toString(), size(p)), records::add, problems::add);
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    Path resolveMissing() {
        return dir.resolve("does-not-exist.log");
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bos.toByteArray();
    }

    List<String> problemSummaries() {
        return problems.stream().map(p -> p.location() + " " + p.reason()).toList();
    }
}
