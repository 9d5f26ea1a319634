package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.formats.ocsf.OcsfFindingWriter;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.Problem;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

class OcsfExportRoundTripTest {

    @TempDir
    Path tmp;

    final List<IncomingFinding> found = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    void importFile(Path p) throws Exception {
        new FindingFileReader(FindingFileReader.Limits.DEFAULT, new LongAdder())
                .read(p, p.getFileName().toString(), found::add, problems::add);
    }

    @Test
    void whatVigilScanWritesImportsBack() throws Exception {
        Finding original = ExportFixtures.vigilFinding("rt", "123456789012");
        Path p = tmp.resolve("scan-findings.ocsf.jsonl");
        try (OutputStream out = Files.newOutputStream(p); OcsfFindingWriter w = new OcsfFindingWriter(out, "0.1.0")) {
            w.write(original);
        }
        importFile(p);

        assertThat(problems).isEmpty();
        Finding f = found.get(0).finding();
        FindingOrigin o = found.get(0).origin();
        assertThat(o.product()).isEqualTo("Vigil");
        assertThat(o.productFindingId()).isEqualTo(original.id());
        assertThat(o.format()).isEqualTo("ocsf");
        assertThat(o.location()).isEqualTo("scan-findings.ocsf.jsonl#line 1");
        assertThat(f.rule()).isEqualTo(original.rule());
        assertThat(f.account()).isEqualTo(original.account());
        assertThat(f.region()).isEqualTo(original.region());
        assertThat(f.principal()).isEqualTo(original.principal());
        assertThat(f.resource()).isEqualTo(original.resource());
        assertThat(f.firstSeen()).isEqualTo(original.firstSeen());
        assertThat(f.lastSeen()).isEqualTo(original.lastSeen());
        assertThat(f.count()).isEqualTo(original.count());
        assertThat(found.get(0).workflow()).contains(Workflow.NEW);
    }

    @Test
    void vigilFindingsAreWrittenAsBeforeThroughTheExport() throws Exception {
        ExportableFinding e = ExportFixtures.vigil("same", "123456789012");
        Path p = tmp.resolve("export.jsonl");
        try (OutputStream out = Files.newOutputStream(p);
             FindingExportWriter w = ExportFormat.OCSF.open(out, null, "0.1.0", pr -> { })) {
            w.write(e);
        }
        assertThat(Files.readString(p)).isEqualTo(OcsfFindingWriter.toJson(e.finding(), "0.1.0") + "\n");
    }

    @Test
    void importedFindingsKeepProductIdAndStateSoReimportMerges() throws Exception {
        ExportableFinding gd = ExportFixtures.importedGuardDuty(Workflow.NOTIFIED, RecordState.ARCHIVED);
        Path p = tmp.resolve("export.jsonl");
        try (OutputStream out = Files.newOutputStream(p);
             FindingExportWriter w = ExportFormat.OCSF.open(out, null, "0.1.0", pr -> { })) {
            w.write(gd);
        }
        JsonNode line = new ObjectMapper().readTree(Files.readString(p));
        assertThat(line.get("metadata").get("product").get("name").asText()).isEqualTo("GuardDuty");
        assertThat(line.get("metadata").get("product").get("vendor_name").asText()).isEqualTo("AWS");
        assertThat(line.get("status_id").asInt()).isEqualTo(2);
        assertThat(line.get("status").asText()).isEqualTo("In Progress");
        assertThat(line.get("confidence_score").asInt()).isEqualTo(80);

        importFile(p);
        IncomingFinding back = found.get(0);
        assertThat(back.finding().id()).isEqualTo(gd.finding().id());
        assertThat(back.origin().product()).isEqualTo("GuardDuty");
        assertThat(back.origin().productFindingId()).isEqualTo(gd.origin().productFindingId());
        assertThat(back.workflow()).contains(Workflow.NOTIFIED);
        assertThat(back.recordState()).contains(RecordState.ARCHIVED);
        assertThat(back.finding().severity()).isEqualTo(gd.finding().severity());
        assertThat(back.finding().rule().id()).isEqualTo(gd.finding().rule().id());
    }

    @Test
    void everyWorkflowMapsToAnOcsfStatusAndBack() {
        for (Workflow w : Workflow.values()) {
            ExportableFinding e = ExportFixtures.importedGuardDuty(w, RecordState.ACTIVE);
            String json = OcsfFindingWriter.toJson(e.finding(), e.origin(), w, RecordState.ACTIVE, "1");
            int status = json.indexOf("\"status_id\":");
            long id = Long.parseLong(json.substring(status + 12, status + 13));
            assertThat(OcsfFindingMapper.workflow(id)).contains(w);
        }
    }
}
