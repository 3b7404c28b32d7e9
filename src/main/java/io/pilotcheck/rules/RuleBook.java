package io.pilotcheck.rules;

import io.pilotcheck.registry.PilotRegistry;
import org.kie.api.KieBase;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a check needs from the {@code rules/} folder, compiled once and shared by all
 * dossier sessions of a run: the DRL knowledge base, each rule's metadata, the parameters and
 * the pilot registry, with a fingerprint of their bytes for the report.
 *
 * @param kieBase     compiled rules; thread-safe, one short session per dossier is made from it
 * @param rules       rule metadata, sorted by id
 * @param params      {@code params.yaml}
 * @param registry    {@code pilot-cities.yaml}
 * @param inputs      the bytes of the rule inputs, for the fingerprint
 */
public record RuleBook(KieBase kieBase, List<RuleInfo> rules, Params params, PilotRegistry registry,
                       RuleInputs inputs) {

    /** Sorts the rules by id. */
    public RuleBook {
        rules = rules.stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    /** {@code sha256:} over the rule inputs' paths and bytes (worked out on first use). */
    public String fingerprint() {
        return inputs.fingerprint();
    }

    /** Metadata by DRL rule name, for the finding collector. */
    public Map<String, RuleInfo> byName() {
        return rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
    }

    /** A rule by catalogue id. */
    public Optional<RuleInfo> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
