package io.pilotcheck.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.dossier.DossierTemplate;
import io.pilotcheck.entry.FormEntry;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.ReviewStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A pilot's dossier filled in the web form (docs/spec/entry.md): who may open it, what it starts
 * from (the pilot's draft, else its current submission, else the annex), its drafts, and the YAML
 * it makes, named {@code {city}.yaml}, which is checked and submitted as any upload is.
 */
public final class Filings {

    /** Where a form's values came from. */
    public enum Origin {
        /** The pilot's saved draft. */
        DRAFT,
        /** The pilot's current submission. */
        SUBMISSION,
        /** The annex, for a first dossier. */
        ANNEX
    }

    /**
     * A pilot's form as it opens.
     *
     * @param pilot     the pilot
     * @param fields    the fields' values as the form shows them
     * @param origin    where they came from
     * @param draft     the draft, when there is one (its author and time), or null
     * @param maySubmit whether the caller may submit it (a reviewer checks and drafts, but does not submit)
     */
    public record Form(PilotCity pilot, Map<String, String> fields, Origin origin, ReviewStore.Draft draft, boolean maySubmit) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pilots pilots;
    private final StoreAccess store;

    Filings(Pilots pilots, StoreAccess store) {
        this.pilots = pilots;
        this.store = store;
    }

    /**
     * The pilot's form for {@code caller}: a submitter of the pilot or a reviewer (or administrator) whose
     * scope holds it.
     *
     * @throws Reviews.NotInScope  the pilot is not in the caller's scope (or not a pilot)
     * @throws Accounts.Refused    {@code forbidden}: the caller may neither submit nor review
     */
    public Form open(Caller caller, String city, LocalDate today) {
        PilotCity pilot = pilot(caller, city);
        Optional<ReviewStore.Draft> draft = !store.present() ? Optional.<ReviewStore.Draft>empty() : store.get().draft(pilot.name());
        if (draft.isPresent()) {
            return new Form(pilot, fields(draft.get().fields()), Origin.DRAFT, draft.get(), caller.may(Role.SUBMIT));
        }
        Optional<Map<String, String>> current = current(caller, pilot);
        if (current.isPresent()) {
            return new Form(pilot, current.get(), Origin.SUBMISSION, null, caller.may(Role.SUBMIT));
        }
        return new Form(pilot, annex(pilot, today), Origin.ANNEX, null, caller.may(Role.SUBMIT));
    }

    /** The pilot, when {@code caller} may fill its form; see {@link #open}. */
    public PilotCity pilot(Caller caller, String city) {
        PilotCity pilot = pilots.find(caller.scope(), city).orElseThrow(Reviews.NotInScope::new);
        if (!caller.may(Role.SUBMIT) && !caller.may(Role.REVIEW)) {
            throw new Accounts.Refused("forbidden");
        }
        return pilot;
    }

    /** The dossier the form's YAML makes ({@link FormEntry#yaml}), as an upload named {@code {city}.yaml}. */
    public static DossierInput input(PilotCity pilot, FormEntry.Written form) {
        return DossierInput.bytes(fileName(pilot), form.yaml().getBytes(StandardCharsets.UTF_8));
    }

    /** What the form's submissions are named: {@code 大连市.yaml}. */
    public static String fileName(PilotCity pilot) {
        return pilot.name() + ".yaml";
    }

    /** Keeps the fields as the pilot's draft, in place of the one before; audited. */
    public ReviewStore.Draft saveDraft(Caller caller, String city, Map<String, String> fields, Instant at, String address) {
        PilotCity pilot = pilot(caller, city);
        ReviewStore.Draft d;
        try {
            // to the millisecond, as every database keeps it
            d = new ReviewStore.Draft(pilot.name(), JSON.writeValueAsString(fields), caller.name(),
                    at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form fields always write as JSON", e);
        }
        store.get().saveDraft(d, new AuditEntry(at, caller.name(), address, "draft.saved", pilot.name(),
                fields.size() + " fields"));
        return d;
    }

    /** Drops the pilot's draft once its form is submitted. */
    public void submitted(PilotCity pilot) {
        store.get().dropDraft(pilot.name());
    }

    private Optional<Map<String, String>> current(Caller caller, PilotCity pilot) {
        if (!store.present()) {
            return Optional.empty();
        }
        return pilots.current(caller.scope(), pilot.name()).flatMap(c -> {
            String file = c.entry().file();
            Optional<byte[]> bytes = file.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? store.get().form(caller.scope(), c.entry().submissionId(), file)
                    : store.get().file(caller.scope(), c.entry().submissionId(), file);
            return bytes.flatMap(Filings::read);
        });
    }

    /** A dossier's YAML as the form's fields; empty when it does not read as YAML at all. */
    private static Optional<Map<String, String>> read(byte[] yaml) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            return tree == null || !tree.isObject() ? Optional.empty() : Optional.of(FormEntry.values(tree));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> annex(PilotCity pilot, LocalDate today) {
        String yaml = DossierTemplate.forPilot(pilot, today, fileName(pilot));
        return read(yaml.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept draft is not the JSON it was kept as", e);
        }
    }
}
