package io.pilotcheck.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.BuiltInChecks;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.rules.RuleInfo;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code check --format sarif}: one SARIF 2.1.0 run, for code-scanning dashboards and IDEs.
 * Every loaded rule is a reporting descriptor (title, the notice's words, help text with the
 * clause); loader checks that fired get one too. Regions are 1-based, as SARIF counts. Levels:
 * violation and error → {@code error}, warning → {@code warning}, pending → {@code note}. A
 * waived finding carries an accepted external suppression with the waiver's reason.
 */
public final class SarifReport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    /** The SARIF log; messages in {@code lang}. */
    public static String render(BatchResult batch, List<RuleInfo> rules, RunInfo run, Language lang) {
        Map<String, ReportingDescriptor> descriptors = new LinkedHashMap<>();
        for (RuleInfo r : rules) {
            descriptors.put(r.id(), descriptor(r, lang));
        }
        List<Result> results = new ArrayList<>();
        for (DossierResult d : batch.dossiers()) {
            for (Finding f : d.findings()) {
                descriptors.computeIfAbsent(f.ruleId(), id -> builtIn(id, f.severity(), lang));
                results.add(result(f, d, indexOf(descriptors, f.ruleId()), lang));
            }
        }
        ToolComponent driver = new ToolComponent().withName("pilotcheck").withVersion(run.toolVersion())
                .withRules(new LinkedHashSet<>(descriptors.values()))
                .withProperties(new PropertyBag().withAdditionalProperty("rulesFingerprint", run.rulesFingerprint()));
        Run sarifRun = new Run().withTool(new Tool().withDriver(driver)).withResults(results)
                .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS)
                .withProperties(new PropertyBag().withAdditionalProperty("asOf", run.asOf())
                        .withAdditionalProperty("lang", lang.code()));
        SarifSchema210 log = new SarifSchema210()
                .with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withVersion(SarifSchema210.Version._2_1_0).withRuns(List.of(sarifRun));
        try {
            return MAPPER.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(Map<String, ReportingDescriptor> descriptors, String id) {
        int i = 0;
        for (String key : descriptors.keySet()) {
            if (key.equals(id)) {
                return i;
            }
            i++;
        }
        throw new IllegalStateException("no descriptor for " + id);
    }

    private static ReportingDescriptor descriptor(RuleInfo r, Language lang) {
        String help = ReportWords.word("sarif.help", lang, "clause", r.clause(),
                "notice", r.notice().isEmpty() ? "" : ReportWords.word("sarif.notice", lang, "notice", r.notice()));
        return new ReportingDescriptor().withId(r.id()).withName(r.name())
                .withShortDescription(new MultiformatMessageString().withText(r.title(lang)))
                .withFullDescription(new MultiformatMessageString().withText(
                        r.notice().isEmpty() ? r.title(lang) : r.notice()))
                .withHelp(new MultiformatMessageString().withText(help))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configLevel(r.severity())))
                .withProperties(new PropertyBag().withAdditionalProperty("clause", r.clause())
                        .withAdditionalProperty("severity", r.severity().id())
                        .withAdditionalProperty("file", r.file() + ":" + r.line()));
    }

    private static ReportingDescriptor builtIn(String id, Severity severity, Language lang) {
        io.pilotcheck.finding.Message title = BuiltInChecks.title(id);
        String text = title != null ? title.in(lang) : id;
        return new ReportingDescriptor().withId(id).withName(id)
                .withShortDescription(new MultiformatMessageString().withText(text))
                .withHelp(new MultiformatMessageString().withText(ReportWords.word("sarif.builtInHelp", lang, "title", text)))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configLevel(severity)))
                .withProperties(new PropertyBag().withAdditionalProperty("severity", severity.id()));
    }

    private static Result result(Finding f, DossierResult d, int ruleIndex, Language lang) {
        Region region = new Region().withStartLine(f.location().line()).withStartColumn(f.location().column());
        PhysicalLocation where = new PhysicalLocation()
                .withArtifactLocation(new ArtifactLocation().withUri(uri(f.location().file())))
                .withRegion(region);
        List<Location> locations = List.of(new Location().withPhysicalLocation(where));
        if (f.location().inSheet()) {
            // a workbook has no lines: the sheet is the logical place, the region its row and column
            locations = List.of(new Location().withPhysicalLocation(where).withLogicalLocations(Set.of(
                    new LogicalLocation().withName(f.location().sheet().name())
                            .withFullyQualifiedName(f.location().cell()).withKind("sheet"))));
        }
        PropertyBag props = new PropertyBag().withAdditionalProperty("severity", f.severity().id())
                .withAdditionalProperty("clause", f.clause())
                .withAdditionalProperty("path", f.path())
                .withAdditionalProperty("verdict", d.verdict().id());
        if (d.city() != null) {
            props.withAdditionalProperty("city", d.city());
        }
        Result r = new Result().withRuleId(f.ruleId()).withRuleIndex(ruleIndex).withLevel(level(f.severity()))
                .withMessage(new Message().withText(f.message().in(lang)))
                .withLocations(locations)
                .withProperties(props);
        if (f.waived()) {
            Set<Suppression> s = new LinkedHashSet<>();
            s.add(new Suppression().withKind(Suppression.Kind.EXTERNAL).withStatus(Suppression.Status.ACCEPTED)
                    .withJustification(f.waiver().reason())
                    .withProperties(new PropertyBag().withAdditionalProperty("approver", f.waiver().approver())
                            .withAdditionalProperty("expires", f.waiver().expires().toString())
                            .withAdditionalProperty("waiver", f.waiver().location().toString())));
            r.withSuppressions(s);
        }
        return r;
    }

    private static String uri(String file) {
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return file;
        }
    }

    private static Result.Level level(Severity s) {
        return switch (s) {
            case ERROR, VIOLATION -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case PENDING -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configLevel(Severity s) {
        return switch (s) {
            case ERROR, VIOLATION -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case PENDING -> ReportingConfiguration.Level.NOTE;
        };
    }
}
