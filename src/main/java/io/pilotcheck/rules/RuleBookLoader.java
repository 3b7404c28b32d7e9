package io.pilotcheck.rules;

import io.pilotcheck.source.RuleYaml;
import io.pilotcheck.source.RuleInputException;

import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.source.SourceLocation;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles the {@code rules/} folder from disk on every run, so a rule author's edit takes effect
 * at the next run with no rebuild. Any problem (DRL that does not compile, missing metadata,
 * a malformed registry) stops the run with every problem located in the author's files.
 */
public final class RuleBookLoader {

    private static final Pattern ID_FORM = Pattern.compile("LCP-[A-Z]+-\\d{2}");

    private RuleBookLoader() {
    }

    /**
     * Loads and compiles the rule folder.
     *
     * @param dir the rules folder; its name as given is how messages name its files
     */
    public static RuleBook load(Path dir) throws RuleInputException {
        return load(dir, CompiledRulesCache.none());
    }

    /**
     * Loads the rule folder, taking the compiled rules from {@code cache} when the inputs are
     * unchanged, and storing them there after compiling.
     */
    public static RuleBook load(Path dir, CompiledRulesCache cache) throws RuleInputException {
        if (!Files.isDirectory(dir)) {
            throw new RuleInputException(SourceLocation.startOf(dir.toString()),
                    "rules folder not found: " + dir + " (use --rules DIR)");
        }
        List<Path> drls = drlFiles(dir);
        if (drls.isEmpty()) {
            throw new RuleInputException(SourceLocation.startOf(dir.toString()), "no .drl files in " + dir);
        }
        // Every input is read once, and the rule book is made from the very bytes the cache entry
        // is keyed by and the fingerprint names: read twice, an edit saved between the reads
        // would store one version's rules under the other's name, or report the wrong version.
        String paramsName = DrlDiagnosis.display(dir, Params.FILE);
        byte[] paramsBytes = RuleYaml.bytes(dir.resolve(Params.FILE), paramsName);
        Params params = Params.of(RuleYaml.parse(paramsBytes, paramsName), paramsName);
        String registryName = DrlDiagnosis.display(dir, PilotRegistry.FILE);
        byte[] registryBytes = RuleYaml.bytes(dir.resolve(PilotRegistry.FILE), registryName);
        PilotRegistry registry = PilotRegistry.of(RuleYaml.parse(registryBytes, registryName), registryName);
        RuleInputs inputs = RuleInputs.read(dir, drls, paramsBytes, registryBytes);
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path p : drls) {
            String rel = RuleInputs.relative(dir, p);
            sources.put(rel, text(p, inputs.bytes(rel)));
        }
        KieBase kieBase = cached(cache, inputs).orElse(null);
        if (kieBase == null) {
            // A cached entry exists only for inputs that passed this check (it is a function of
            // the inputs the key hashes), so only a compile needs it.
            List<RuleInputException.Problem> references = ParamReferences.problems(dir, sources, params);
            if (!references.isEmpty()) {
                throw new RuleInputException(references);
            }
            kieBase = compile(dir, sources, cache, inputs);
        }
        List<RuleInfo> rules = metadata(dir, kieBase, sources);
        return new RuleBook(kieBase, rules, params, registry, inputs);
    }

    private static List<Path> drlFiles(Path dir) throws RuleInputException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new RuleInputException(SourceLocation.startOf(dir.toString()), "cannot list " + dir + ": " + e);
        }
    }

    /** A DRL file's bytes as text; not UTF-8 is an error, as reading it with {@code Files.readString} was. */
    private static String text(Path p, byte[] bytes) throws RuleInputException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RuleInputException(SourceLocation.startOf(p.toString()), "cannot read " + p + ": " + e);
        }
    }

    private static KieBase compile(Path dir, Map<String, String> sources, CompiledRulesCache cache, RuleInputs inputs)
            throws RuleInputException {
        DrlCompiler.Outcome built = DrlCompiler.build(sources);
        if (!built.ok()) {
            throw new RuleInputException(DrlDiagnosis.problems(dir, sources, built));
        }
        if (built.kjar() != null) {
            cache.write(inputs, built.kjar());
        }
        return built.kieBase();
    }

    /** The compiled rules from the cache, or empty (a miss, or an entry Drools cannot load, which is dropped). */
    private static java.util.Optional<KieBase> cached(CompiledRulesCache cache, RuleInputs inputs) {
        java.util.Optional<byte[]> kjar = cache.read(inputs);
        if (kjar.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(DrlCompiler.load(kjar.get()));
        } catch (RuntimeException | LinkageError e) {
            cache.forget(inputs);
            return java.util.Optional.empty();
        }
    }

    private static List<RuleInfo> metadata(Path dir, KieBase kieBase, Map<String, String> sources)
            throws RuleInputException {
        Map<String, SourceLocation> declared = declarations(dir, sources);
        List<RuleInfo> out = new ArrayList<>();
        List<RuleInputException.Problem> problems = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                SourceLocation at = declared.getOrDefault(rule.getName(), SourceLocation.startOf(dir.toString()));
                Map<String, String> meta = new LinkedHashMap<>();
                rule.getMetaData().forEach((k, v) -> meta.put(k, unquote(v)));
                List<String> missing = new ArrayList<>();
                for (String key : List.of("id", "severity", "clause", "message_zh", "message_en")) {
                    if (meta.getOrDefault(key, "").isBlank()) {
                        missing.add("@" + key);
                    }
                }
                if (!missing.isEmpty()) {
                    problems.add(new RuleInputException.Problem(at, "rule \"" + rule.getName() + "\" lacks "
                            + String.join(", ", missing)));
                    continue;
                }
                String id = meta.get("id");
                Severity severity = Severity.fromId(meta.get("severity"));
                if (!ID_FORM.matcher(id).matches()) {
                    problems.add(new RuleInputException.Problem(at, "rule \"" + rule.getName() + "\": @id \"" + id
                            + "\" is not of the form LCP-XXX-NN"));
                } else if (severity == null) {
                    problems.add(new RuleInputException.Problem(at, "rule \"" + rule.getName() + "\": @severity \""
                            + meta.get("severity") + "\" is not one of pending, warning, violation, error"));
                } else if (ids.containsKey(id)) {
                    problems.add(new RuleInputException.Problem(at, "rule \"" + rule.getName() + "\": @id " + id
                            + " is already used by rule \"" + ids.get(id) + "\""));
                } else {
                    ids.put(id, rule.getName());
                    out.add(new RuleInfo(rule.getName(), at.file(), id, severity, meta.get("clause"), meta, at.line()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleInputException(problems.stream()
                    .sorted((a, b) -> a.location().compareTo(b.location())).toList());
        }
        return out;
    }

    /** Where each rule is declared, found in the DRL text (the compiled rule does not keep it). */
    private static Map<String, SourceLocation> declarations(Path dir, Map<String, String> sources) {
        Map<String, SourceLocation> out = new HashMap<>();
        sources.forEach((rel, text) -> DrlDiagnosis.rules(text).forEach(r ->
                out.put(r.name(), new SourceLocation(DrlDiagnosis.display(dir, rel), r.line(), 1))));
        return out;
    }

    private static String unquote(Object v) {
        String s = String.valueOf(v).trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.replace("\\\"", "\"");
    }
}
