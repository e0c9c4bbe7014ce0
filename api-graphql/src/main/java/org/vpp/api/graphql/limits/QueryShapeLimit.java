package org.vpp.api.graphql.limits;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;

/**
 * Caps aliases and top-level fields of a document before it is validated: validating a thousand aliases of one
 * field already costs (overlapping-fields checks are quadratic), and each root field is a query of its own.
 */
public class QueryShapeLimit extends SimplePerformantInstrumentation {

    private final int maxAliases;
    private final int maxRootFields;

    public QueryShapeLimit(int maxAliases, int maxRootFields) {
        this.maxAliases = maxAliases;
        this.maxRootFields = maxRootFields;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        Document document = parameters.getDocument();
        int aliases = aliases(document);
        if (aliases > maxAliases) {
            throw new AbortExecutionException("Query has " + aliases + " aliases, more than the maximum of " + maxAliases
                    + " (limit vpp.api.max-aliases)");
        }
        int rootFields = rootFields(document);
        if (rootFields > maxRootFields) {
            throw new AbortExecutionException("Query has " + rootFields + " root fields, more than the maximum of "
                    + maxRootFields + " (limit vpp.api.max-root-fields)");
        }
        return super.beginValidation(parameters, state);
    }

    /** Aliased fields written in the document, operations and fragments alike (each fragment once). */
    static int aliases(Document document) {
        int n = 0;
        for (var definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition op) n += aliases(op.getSelectionSet());
            else if (definition instanceof FragmentDefinition fragment) n += aliases(fragment.getSelectionSet());
        }
        return n;
    }

    private static int aliases(SelectionSet set) {
        if (set == null) return 0;
        int n = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getAlias() != null) n++;
                n += aliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                n += aliases(inline.getSelectionSet());
            }
        }
        return n;
    }

    /** The most top-level fields of any operation, counting those that fragments bring to the top level. */
    static int rootFields(Document document) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
        int most = 0;
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            most = Math.max(most, topLevelFields(op.getSelectionSet(), fragments, new HashSet<>()));
        }
        return most;
    }

    private static int topLevelFields(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
        if (set == null) return 0;
        int n = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field) {
                n++;
            } else if (selection instanceof InlineFragment inline) {
                n += topLevelFields(inline.getSelectionSet(), fragments, seen);
            } else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) n += topLevelFields(fragment.getSelectionSet(), fragments, seen);
            }
        }
        return n;
    }
}
