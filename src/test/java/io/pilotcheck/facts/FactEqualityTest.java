package io.pilotcheck.facts;

import io.pilotcheck.dossier.AnnualReport;
import io.pilotcheck.dossier.DatedEntry;
import io.pilotcheck.dossier.EmissionRecord;
import io.pilotcheck.dossier.GhgInventory;
import io.pilotcheck.dossier.Innovation;
import io.pilotcheck.registry.InnovationFocus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts whose {@code equals} and {@code hashCode} are written out (for start-up time; Drools
 * hashes them in {@code from}) keep a record's meaning: equal exactly when every component is,
 * so a component left out of either method fails here.
 */
class FactEqualityTest {

    @ParameterizedTest
    @ValueSource(classes = {AnnexClaim.class, DeadlineStatus.class, Evaluation.class, PeakExceedance.class,
            AnnualReport.class, DatedEntry.class, EmissionRecord.class, GhgInventory.class, Innovation.class,
            InnovationFocus.class})
    void equalExactlyWhenEveryComponentIs(Class<? extends Record> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> make = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Object[] values = Arrays.stream(components).map(c -> value(c.getType(), 0)).toArray();
        Object one = make.newInstance(values);
        Object same = make.newInstance(values.clone());
        assertThat(same).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(one).isNotEqualTo(null).isNotEqualTo("not a fact");
        for (int i = 0; i < components.length; i++) {
            Object[] changed = values.clone();
            changed[i] = value(components[i].getType(), 1);
            Object other = make.newInstance(changed);
            assertThat(other).as(type.getSimpleName() + " differing in " + components[i].getName())
                    .isNotEqualTo(one);
            assertThat(other.hashCode()).as(components[i].getName() + " is hashed").isNotEqualTo(one.hashCode());
            changed[i] = null;
            if (!components[i].getType().isPrimitive()) {
                Object withNull = make.newInstance(changed);
                assertThat(withNull).isNotEqualTo(one).isEqualTo(make.newInstance(changed.clone()));
            }
        }
    }

    /** The {@code n}th sample value of a component type. */
    private static Object value(Class<?> type, int n) {
        if (type == int.class || type == Integer.class) {
            return 2017 + n;
        }
        if (type == long.class) {
            return 3L + n;
        }
        if (type == boolean.class) {
            return n == 1;
        }
        if (type == Double.class) {
            return 1.5 + n;
        }
        if (type == String.class) {
            return "s" + n;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2017, 1, 26).plusDays(n);
        }
        if (type == DeadlineStatus.State.class) {
            return DeadlineStatus.State.values()[n];
        }
        if (type == EmissionRecord.class) {
            return new EmissionRecord(n, 2020 + n, 10.0 + n);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }
}
