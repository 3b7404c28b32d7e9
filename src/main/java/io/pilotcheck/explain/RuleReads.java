package io.pilotcheck.explain;

import io.pilotcheck.dossier.Dossier;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dossier fields a rule reads, found in its DRL text: accessor chains in its conditions
 * ({@code $d.lowCarbonPlan().adopted()}, {@code Dossier( lowCarbonPlan.inDevelopmentPlan != true )},
 * {@code Innovation( status == "planned" )}) and the field paths its consequence reports on,
 * turned into dossier paths ({@code low_carbon_plan.adopted}, {@code innovations[*].status}).
 *
 * <p>The vocabulary comes from the dossier's own record types, so a field added to the model is
 * known here without a list to keep in step.
 */
final class RuleReads {

    private static final Pattern CHAIN = Pattern.compile(
            "(?<![\\w\"])(?:\\$\\w+\\.)?([a-z]\\w*(?:\\(\\))?(?:\\.[a-z]\\w*(?:\\(\\))?)*)");
    private static final Pattern PATH_LITERAL = Pattern.compile("\"([a-z_]+(?:\\[\\d+])?(?:\\.[a-z_0-9]+)*)\"");
    private static final Pattern FACT_TYPE = Pattern.compile("\\b([A-Z]\\w*)\\s*\\(");

    /** Accessor chain (dots, no parentheses) to dossier path, from {@link Dossier}. */
    private static final Map<String, String> FROM_DOSSIER = new LinkedHashMap<>();
    /** Per list item type (e.g. {@code Innovation}): accessor chain to dossier path. */
    private static final Map<String, Map<String, String>> FROM_ITEM = new LinkedHashMap<>();

    static {
        vocabulary(Dossier.class, "", "", FROM_DOSSIER);
    }

    private RuleReads() {
    }

    /** The dossier paths the rule text reads, in order of first use; list items as {@code [*]}. */
    static Set<String> of(String ruleText, String conditions) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> itemTypes = new LinkedHashSet<>();
        Matcher t = FACT_TYPE.matcher(conditions);
        while (t.find()) {
            if (FROM_ITEM.containsKey(t.group(1))) {
                itemTypes.add(t.group(1));
            }
        }
        Matcher m = CHAIN.matcher(conditions);
        while (m.find()) {
            String chain = m.group(1).replace("()", "");
            String path = longest(chain, FROM_DOSSIER);
            for (String type : itemTypes) {
                path = path != null ? path : longest(chain, FROM_ITEM.get(type));
            }
            if (path != null) {
                out.add(path);
            }
        }
        Matcher p = PATH_LITERAL.matcher(ruleText);
        while (p.find()) {
            String path = p.group(1).replaceAll("\\[\\d+]", "[*]");
            if (FROM_DOSSIER.containsValue(path)) {
                out.add(path);
            }
        }
        return out;
    }

    private static String longest(String chain, Map<String, String> vocabulary) {
        for (String c = chain; !c.isEmpty(); c = c.contains(".") ? c.substring(0, c.lastIndexOf('.')) : "") {
            String path = vocabulary.get(c);
            if (path != null) {
                return path;
            }
        }
        return null;
    }

    private static void vocabulary(Class<?> type, String chain, String path, Map<String, String> out) {
        for (RecordComponent rc : type.getRecordComponents()) {
            // Not dossier keys: where the dossier came from, and an item's position in its list.
            if (rc.getName().equals("file") || rc.getName().equals("sources") || rc.getName().equals("index")) {
                continue;
            }
            String c = chain.isEmpty() ? rc.getName() : chain + "." + rc.getName();
            String p = path.isEmpty() ? snake(rc.getName()) : path + "." + snake(rc.getName());
            out.put(c, p);
            Class<?> item = listItem(rc.getGenericType());
            if (item != null && item.isRecord()) {
                vocabulary(item, c, p + "[*]", out);
                Map<String, String> own = new LinkedHashMap<>();
                vocabulary(item, "", p + "[*]", own);
                FROM_ITEM.put(item.getSimpleName(), own);
            } else if (rc.getType().isRecord()) {
                vocabulary(rc.getType(), c, p, out);
            }
        }
    }

    private static Class<?> listItem(Type t) {
        if (t instanceof ParameterizedType pt && pt.getActualTypeArguments().length == 1
                && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
