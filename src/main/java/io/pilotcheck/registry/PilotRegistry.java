package io.pilotcheck.registry;

import io.pilotcheck.source.Suggestions;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.source.RuleYaml;
import io.pilotcheck.source.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 45 pilots of the annex (第三批低碳城市试点名单及峰值目标、创新重点), read from
 * {@code rules/pilot-cities.yaml} so that reference data is edited beside the rules, not in Java.
 */
public final class PilotRegistry {

    /** The registry's file name inside the rules folder. */
    public static final String FILE = "pilot-cities.yaml";

    private final List<PilotCity> cities;
    private final Map<String, PilotCity> byName = new HashMap<>();

    /** A registry of the given cities, in annex order. */
    public PilotRegistry(List<PilotCity> cities) {
        this.cities = List.copyOf(cities);
        for (PilotCity c : cities) {
            byName.put(c.name(), c);
            byName.put(c.nameEn().toLowerCase(Locale.ROOT), c);
        }
    }

    /** All pilots in annex order. */
    public List<PilotCity> cities() {
        return cities;
    }

    /** The pilot a dossier's {@code city} names: annex name, or English name in any case. */
    public Optional<PilotCity> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim();
        PilotCity c = byName.get(n);
        return Optional.ofNullable(c != null ? c : byName.get(n.toLowerCase(Locale.ROOT)));
    }

    /** Up to three pilot names closest to a name that is not one, for "did you mean". */
    public List<String> suggest(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (PilotCity c : cities) {
            names.add(c.name());
            names.add(c.nameEn());
        }
        List<String> out = new ArrayList<>();
        for (String s : Suggestions.closest(name.trim(), names, 3)) {
            find(s).map(PilotCity::name).filter(n -> !out.contains(n)).ifPresent(out::add);
        }
        return out;
    }

    /** Reads {@code pilot-cities.yaml}; every problem is located in that file. */
    public static PilotRegistry load(Path file, String name) throws RuleInputException {
        return of(RuleYaml.read(file, name), name);
    }

    /** The registry in a parsed {@code pilot-cities.yaml}; every problem is located in that file. */
    public static PilotRegistry of(YamlNode tree, String name) throws RuleInputException {
        YamlNode.Mapping root = RuleYaml.mapping(tree, name);
        YamlNode.Mapping provinces = RuleYaml.mapping(RuleYaml.required(root, "provinces", name), "provinces");
        List<PilotCity> cities = new ArrayList<>();
        for (YamlNode node : RuleYaml.list(RuleYaml.required(root, "pilots", name), "pilots")) {
            cities.add(city(RuleYaml.mapping(node, "a pilot"), provinces));
        }
        return new PilotRegistry(cities);
    }

    private static PilotCity city(YamlNode.Mapping m, YamlNode.Mapping provinces) throws RuleInputException {
        String what = "pilot";
        String province = RuleYaml.text(m, "province", what);
        YamlNode.Entry p = provinces.entries().get(province);
        if (p == null) {
            throw new RuleInputException(m.entries().get("province").value().location(),
                    "province '" + province + "' is not listed under 'provinces'");
        }
        YamlNode.Mapping pm = RuleYaml.mapping(p.value(), "province " + province);
        String peakText = RuleYaml.text(m, "peak", what);
        PeakYear peak = PeakYear.parse(peakText);
        if (peak == null) {
            throw new RuleInputException(m.entries().get("peak").value().location(),
                    "peak '" + peakText + "' is none of: 2025, 2020 左右, 2023-2025, 2025 之前");
        }
        List<InnovationFocus> focuses = new ArrayList<>();
        for (YamlNode f : RuleYaml.list(RuleYaml.required(m, "focuses", what), "focuses")) {
            if (!(f instanceof YamlNode.Scalar s) || s.kind() != YamlNode.ScalarKind.STRING) {
                throw new RuleInputException(f.location(), "a focus should be the annex's text");
            }
            focuses.add(new InnovationFocus(focuses.size() + 1, s.text()));
        }
        return new PilotCity(RuleYaml.integer(m, "no", what), province, RuleYaml.text(pm, "full", "province"),
                RuleYaml.text(pm, "en", "province"), RuleYaml.text(m, "name", what),
                RuleYaml.text(m, "name_en", what), RuleYaml.bool(m, "starred", what), peak, focuses);
    }
}
