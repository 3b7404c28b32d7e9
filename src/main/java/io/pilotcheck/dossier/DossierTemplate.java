package io.pilotcheck.dossier;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.pilotcheck.registry.PilotCity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dossier a city office starts from ({@code pilotcheck init CITY}): every field of the
 * format, commented in Chinese with the notice's clause, prefilled from the annex (province,
 * number, starred, peak year, one {@code innovations} entry per focus with its words). Fields
 * the city must fill are left empty, so an untouched template loads cleanly and its findings say
 * what is still to do. The text is a Mustache template ({@code dossier-template.yaml.mustache}).
 */
public final class DossierTemplate {

    private static final Template TEMPLATE = compile();
    private static final int COMMENT_COLUMN = 33;

    private DossierTemplate() {
    }

    /** A key of the format by its Chinese label ({@code adopted}: 规划通过日期), as messages and forms name it. */
    public static String label(String key) {
        return KeyLabels.label(key);
    }

    /** The template for {@code pilot}, current to {@code asOf}; {@code fileName} is quoted in its header. */
    public static String forPilot(PilotCity pilot, LocalDate asOf, String fileName) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", pilot.name());
        view.put("nameEn", pilot.nameEn());
        view.put("province", pilot.province());
        view.put("number", pilot.number());
        view.put("starred", pilot.starred());
        view.put("peak", pilot.peak().text());
        view.put("asOf", asOf.toString());
        view.put("fileName", fileName);
        view.put("cityPad", pad("city: " + pilot.name()));
        view.put("provincePad", pad("province: " + pilot.province()));
        view.put("numberPad", pad("pilot_no: " + pilot.number()));
        view.put("starredPad", pad("starred: " + pilot.starred()));
        List<Map<String, Object>> focuses = new ArrayList<>();
        pilot.focuses().forEach(f -> focuses.add(Map.of("number", f.number(), "text", f.text().replaceAll("\\s+", " "))));
        view.put("focuses", focuses);
        return TEMPLATE.execute(view);
    }

    /** Spaces that bring a comment to the template's comment column, counting a CJK character as two. */
    private static String pad(String before) {
        int width = before.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
        return " ".repeat(Math.max(1, COMMENT_COLUMN - width));
    }

    private static Template compile() {
        try (InputStream in = DossierTemplate.class.getResourceAsStream("dossier-template.yaml.mustache")) {
            if (in == null) {
                throw new IllegalStateException("dossier-template.yaml.mustache is missing from the jar");
            }
            return Mustache.compiler().escapeHTML(false).compile(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
