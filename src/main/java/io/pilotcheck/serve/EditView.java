package io.pilotcheck.serve;

import java.util.List;

/** What the pilot's web form shows (docs/spec/entry.md), for {@code edit.jte}. */
public final class EditView {

    private EditView() {
    }

    /**
     * The form page.
     *
     * @param page       the frame
     * @param city       the pilot, as shown
     * @param action     where the form posts
     * @param check      where the script posts the draft's YAML to check it
     * @param storageKey under which the browser keeps an unsaved change
     * @param origin     where the values came from, in words
     * @param notice     what the last action did (saved, checked), or empty
     * @param verdict    the last check's verdict in words, or empty when not checked
     * @param saved      whether the page shows what was just kept (the browser's unsaved copy is then dropped)
     * @param maySubmit  whether 提交 is offered
     * @param period     the open period a submission goes into, or null
     * @param sections   the sections
     * @param general    findings no field holds
     * @param rules      each rule's title and the notice's words, as JSON for the script
     * @param words      each severity's and verdict's name in the page's language, as JSON for the script
     * @param refused    whether the notice says why a submission was refused (the form as typed is shown again)
     */
    public record Form(PageView page, String city, String action, String check, String storageKey, String origin, String notice,
                       String verdict, boolean saved, boolean maySubmit, String period, List<Section> sections, List<Note> general,
                       String rules, String words, boolean refused) {
    }

    /** A section: a sheet of the workbook. */
    public record Section(String name, List<Field> fields) {
    }

    /**
     * One value to fill, or a table of them.
     *
     * @param label   what it is
     * @param need    what to enter, with the notice's clause
     * @param unit    its unit, or empty
     * @param kind    text, integer, year, number, date, bool, choice or table
     * @param name    the field's name ({@code low_carbon_plan.adopted})
     * @param value   what it holds, as typed
     * @param options a choice's (or 是/否's) options, the first empty
     * @param locked  filled from the annex: shown, not changed
     * @param notes   the findings about it
     * @param table   a table's columns and rows, or null
     * @param group   the flags' or the table's key a field belongs to (the script writes them as one), or empty
     * @param column  a table cell's column key, or a flag's value; else empty
     * @param row     a table cell's row, else -1
     * @param values  a choice's values and their Chinese names, as JSON, or empty
     */
    public record Field(String label, String need, String unit, String kind, String name, String value, List<String> options,
                        boolean locked, List<Note> notes, Table table, String group, String column, int row, String values) {
        /** Whether the value is one of the options (else it is shown as one, so that nothing typed is lost). */
        public boolean listed() {
            return options.contains(value);
        }
    }

    /** A table: its columns' heads and its rows (those filled, then empty ones to fill). */
    public record Table(List<String> heads, List<List<Field>> rows) {
    }

    /** A finding beside its field: severity, rule, the rule's title, the notice's words, the message. */
    public record Note(String severity, String severityShown, String rule, String title, String notice, String message) {
    }
}
