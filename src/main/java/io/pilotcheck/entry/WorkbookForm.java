package io.pilotcheck.entry;

import io.pilotcheck.dossier.DossierForm;
import io.pilotcheck.source.ProblemWords;
import io.pilotcheck.source.SourceLocation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The city's workbook as a form of dossier the loader reads wherever it reads YAML: a file named
 * {@code .xlsx} is read by {@link WorkbookReader}, its findings placed at cells.
 */
public final class WorkbookForm implements DossierForm {

    @Override
    public boolean reads(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    @Override
    public Translated translate(String name, byte[] bytes) throws Unreadable {
        WorkbookReader.Read read;
        try {
            read = WorkbookReader.read(bytes);
        } catch (WorkbookReader.NotATemplate e) {
            throw new Unreadable(ProblemWords.zh("notTemplate"), ProblemWords.en("notTemplate"));
        }
        Map<Integer, SourceLocation> places = new HashMap<>();
        read.cells().forEach((line, c) -> places.put(line,
                new SourceLocation(name, c.row(), c.column(), new SourceLocation.Sheet(c.sheetIndex(), c.sheet()))));
        SourceLocation start = new SourceLocation(name, 1, 1,
                new SourceLocation.Sheet(0, EntryLayout.sections().get(0).name()));
        return new Translated(read.yaml(), places, start);
    }
}
