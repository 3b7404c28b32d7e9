package io.pilotcheck.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one edition of the rules (one fingerprint) says, in short: each rule's text as a digest,
 * each parameter's value, and which parameters each rule reads. Kept beside the evaluations made
 * under it, so that when a re-check under new rules changes a pilot's findings, its page can name
 * the rule and the parameter that changed ({@code plan_due: 2017-12-31 → 2018-03-31}, read by
 * LCP-PLAN-01) rather than a bare fingerprint.
 *
 * @param rules  each rule's id and the SHA-256 of its DRL text
 * @param params each parameter's name and value as {@code params.yaml} gives it
 * @param reads  each rule's id and the parameters it reads
 */
public record RuleEdition(Map<String, String> rules, Map<String, String> params, Map<String, List<String>> reads) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the maps, in name order. */
    public RuleEdition {
        rules = Map.copyOf(new TreeMap<>(rules));
        params = Map.copyOf(new TreeMap<>(params));
        reads = Map.copyOf(new TreeMap<>(reads));
    }

    /**
     * One change from an older edition to a newer one.
     *
     * @param kind   {@code param} (a parameter's value), {@code added}, {@code removed} or
     *               {@code edited} (a rule's text)
     * @param name   the parameter's name or the rule's id
     * @param before the parameter's old value, or empty
     * @param after  its new value, or empty
     * @param rules  the rules it touches: the rule itself, or the rules that read the parameter
     */
    public record Change(String kind, String name, String before, String after, List<String> rules) {
    }

    /** The edition of {@code book}. */
    public static RuleEdition of(RuleBook book) {
        Map<String, String> rules = new TreeMap<>();
        Map<String, List<String>> reads = new TreeMap<>();
        Map<String, RuleInfo> byName = book.byName();
        for (String path : book.inputs().paths()) {
            if (!path.endsWith(".drl")) {
                continue;
            }
            String text = new String(book.inputs().bytes(path), StandardCharsets.UTF_8);
            for (DrlDiagnosis.DrlRule r : DrlDiagnosis.rules(text)) {
                RuleInfo info = byName.get(r.name());
                if (info != null) {
                    rules.put(info.id(), sha256(text.substring(r.start(), r.end())));
                    reads.put(info.id(), List.copyOf(ParamReferences.ofRule(text, r.name())));
                }
            }
        }
        Map<String, String> params = new TreeMap<>();
        book.params().values().forEach((name, value) -> params.put(name, String.valueOf(value)));
        return new RuleEdition(rules, params, reads);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The edition as it is kept: JSON. */
    public String json() {
        try {
            return JSON.writeValueAsString(Map.of("rules", rules, "params", params, "reads", reads));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An edition as {@link #json()} wrote it. */
    public static RuleEdition fromJson(String json) {
        try {
            Map<String, Object> m = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            return new RuleEdition(JSON.convertValue(m.get("rules"), new TypeReference<Map<String, String>>() { }),
                    JSON.convertValue(m.get("params"), new TypeReference<Map<String, String>>() { }),
                    JSON.convertValue(m.get("reads"), new TypeReference<Map<String, List<String>>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an edition of the rules: " + e.getOriginalMessage(), e);
        }
    }

    /** What changed from {@code older} to this edition: parameters first, then rules, each in name order. */
    public List<Change> since(RuleEdition older) {
        List<Change> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(params.keySet());
        names.addAll(older.params.keySet());
        for (String p : names) {
            String before = older.params.getOrDefault(p, "");
            String after = params.getOrDefault(p, "");
            if (!before.equals(after)) {
                List<String> readers = new ArrayList<>();
                reads.forEach((id, used) -> {
                    if (used.contains(p)) {
                        readers.add(id);
                    }
                });
                out.add(new Change("param", p, before, after, readers));
            }
        }
        TreeSet<String> ids = new TreeSet<>(rules.keySet());
        ids.addAll(older.rules.keySet());
        for (String id : ids) {
            String before = older.rules.get(id);
            String after = rules.get(id);
            if (!Objects.equals(before, after)) {
                out.add(new Change(before == null ? "added" : after == null ? "removed" : "edited", id, "", "", List.of(id)));
            }
        }
        return out;
    }
}
