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
    private final Map<String, EarlierPilot> earlier = new HashMap<>();

    /** A registry of the given cities, in annex order. */
    public PilotRegistry(List<PilotCity> cities) {
        this(cities, List.of());
    }

    /** A registry of the given cities, in annex order, knowing the pilots of the earlier batches. */
    public PilotRegistry(List<PilotCity> cities, List<EarlierPilot> earlierPilots) {
        this.cities = List.copyOf(cities);
        for (PilotCity c : cities) {
            byName.put(c.name(), c);
            byName.put(c.nameEn().toLowerCase(Locale.ROOT), c);
        }
        for (EarlierPilot e : earlierPilots) {
            earlier.put(e.name(), e);
            earlier.put(shortName(e.name()), e);
        }
    }

    /** All pilots in annex order. */
    public List<PilotCity> cities() {
        return cities;
    }

    /**
     * The pilot a dossier's {@code city} names: the annex name, in simplified or traditional
     * characters, or the English name in any case; spaces around it (full-width ones too) do not
     * count.
     */
    public Optional<PilotCity> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        PilotCity c = byName.get(n);
        if (c == null) {
            c = byName.get(n.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(c != null ? c : byName.get(Simplified.of(n)));
    }

    /** The pilot of an earlier batch a name means (深圳, 深圳市, 海南省 …), if it is one. */
    public Optional<EarlierPilot> earlier(String name) {
        if (name == null || find(name).isPresent()) {
            return Optional.empty();
        }
        String n = Simplified.of(name.strip());
        EarlierPilot e = earlier.get(n);
        return Optional.ofNullable(e != null ? e : earlier.get(shortName(n)));
    }

    /** A place name without its last character when that is 市 or 省: 深圳市 → 深圳. */
    private static String shortName(String name) {
        return name.length() > 2 && (name.endsWith("市") || name.endsWith("省")) ? name.substring(0, name.length() - 1) : name;
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
        for (String s : Suggestions.closest(Simplified.of(name.strip()), names, 3)) {
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
        List<EarlierPilot> earlier = new ArrayList<>();
        if (root.entries().containsKey("earlier_batches")) {
            for (YamlNode node : RuleYaml.list(root.entries().get("earlier_batches").value(), "earlier_batches")) {
                earlier.addAll(earlierBatch(RuleYaml.mapping(node, "an earlier batch")));
            }
        }
        return new PilotRegistry(cities, earlier);
    }

    private static List<EarlierPilot> earlierBatch(YamlNode.Mapping m) throws RuleInputException {
        String what = "an earlier batch";
        String zh = RuleYaml.text(m, "batch_zh", what);
        String en = RuleYaml.text(m, "batch_en", what);
        int year = RuleYaml.integer(m, "year", what);
        List<EarlierPilot> out = new ArrayList<>();
        for (String key : List.of("provinces", "cities")) {
            for (YamlNode n : RuleYaml.list(RuleYaml.required(m, key, what), key)) {
                if (!(n instanceof YamlNode.Scalar s) || s.kind() != YamlNode.ScalarKind.STRING) {
                    throw new RuleInputException(n.location(), "a name in " + key + " should be text");
                }
                out.add(new EarlierPilot(s.text(), key.equals("provinces"), zh, en, year));
            }
        }
        return out;
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
