package io.pilotcheck.facts;

import io.pilotcheck.dossier.Dossier;
import io.pilotcheck.registry.PilotCity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A registry fact that a dossier states about itself (province, 序号, starred), beside what the
 * annex says. Rule LCP-REG-02 matches the claims that disagree; this class only lines them up.
 *
 * @param path    the dossier field
 * @param stated  what the dossier says, as text
 * @param annex   what the annex says, as text
 * @param annexEn what the annex says, as an English reader reads it (a province's English name)
 * @param agrees  whether the two name the same thing
 */
public record AnnexClaim(String path, String stated, String annex, String annexEn, boolean agrees) {

    /**
     * What the annex says, as a reader of either language reads it: a province by its name in
     * that language ({@code 浙江}, {@code Zhejiang}); a number or a yes/no as it is.
     */
    public Object annexShown() {
        return annex.equals(annexEn) ? annex : new io.pilotcheck.finding.Message(annex, annexEn);
    }

    private static final io.pilotcheck.words.Words WORDS = io.pilotcheck.words.Words.of("io.pilotcheck.facts.Words");

    /** The field a message names, as a reader of either language names it ({@code 省份}, {@code province}). */
    public io.pilotcheck.finding.Message fieldShown() {
        return new io.pilotcheck.finding.Message(WORDS.get("field." + path, io.pilotcheck.words.Language.ZH),
                WORDS.get("field." + path, io.pilotcheck.words.Language.EN));
    }

    /** The claims the dossier makes; fields it leaves out make no claim. */
    public static List<AnnexClaim> of(Dossier d, PilotCity city) {
        List<AnnexClaim> out = new ArrayList<>();
        if (d.province() != null) {
            out.add(new AnnexClaim("province", d.province(), city.province(), city.provinceEn(),
                    city.provinceMatches(d.province())));
        }
        if (d.pilotNo() != null) {
            out.add(new AnnexClaim("pilot_no", d.pilotNo().toString(), Integer.toString(city.number()), Integer.toString(city.number()),
                    d.pilotNo() == city.number()));
        }
        if (d.starred() != null) {
            out.add(new AnnexClaim("starred", d.starred().toString(), Boolean.toString(city.starred()), Boolean.toString(city.starred()),
                    Objects.equals(d.starred(), city.starred())));
        }
        return out;
    }

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof AnnexClaim o
                && Objects.equals(path, o.path)
                && Objects.equals(stated, o.stated)
                && Objects.equals(annex, o.annex)
                && Objects.equals(annexEn, o.annexEn)
                && agrees == o.agrees;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, stated, annex, annexEn, agrees);
    }
}
