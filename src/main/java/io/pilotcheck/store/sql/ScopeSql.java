package io.pilotcheck.store.sql;

import io.pilotcheck.registry.Scope;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;

/**
 * A {@link Scope} as SQL: the condition a dossier row, or a submission, meets when it lies in the
 * scope, and the values it binds. The scope of every pilot adds nothing to a statement.
 */
final class ScopeSql {

    private final Scope scope;

    ScopeSql(Scope scope) {
        this.scope = java.util.Objects.requireNonNull(scope, "a read of the store needs a scope");
    }

    /** {@code AND …} on the {@code dossier_result} row aliased {@code alias}; empty for every pilot. */
    String dossier(String alias) {
        if (scope.everything()) {
            return "";
        }
        return scope.city() != null ? " AND " + alias + ".city = :scope_city"
                : " AND " + alias + ".province_zh IN (<scope_provinces>)";
    }

    /** {@code AND …} on a submission id expression: one of its dossiers lies in the scope. */
    String submission(String idExpression) {
        if (scope.everything()) {
            return "";
        }
        return " AND EXISTS (SELECT 1 FROM dossier_result sd WHERE sd.submission_id = " + idExpression + dossier("sd") + ")";
    }

    /** Binds what the conditions name. */
    <S extends SqlStatement<S>> S bind(S statement) {
        if (scope.city() != null) {
            statement.bind("scope_city", scope.city());
        } else if (!scope.everything()) {
            statement.bindList("scope_provinces", List.copyOf(new java.util.TreeSet<>(scope.provinces())));
        }
        return statement;
    }
}
