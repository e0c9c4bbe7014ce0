package org.vpp.api.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class QueryShapeLimitTest {

    @Test
    void aliasesAreCountedWhereverTheyAreWrittenAndEachFragmentOnce() {
        var document = Parser.parse("""
                query { a: fleet { x: installed { deviceCount } } b: fleet { ...F } ...F ...F }
                fragment F on Fleet { y: nodes { id } z: nodes { name } }""");

        assertThat(QueryShapeLimit.aliases(document)).isEqualTo(5); // a, x, b in the query; y, z in the fragment
    }

    @Test
    void rootFieldsCountThoseFragmentsBringToTheTopLevel() {
        var document = Parser.parse("""
                query One { fleet { root { id } } ... on Query { assets { totalCount } } ...R }
                query Two { fleet { root { id } } }
                fragment R on Query { a: fleet { root { id } } b: asset(id: "x") { id } }""");

        assertThat(QueryShapeLimit.rootFields(document)).isEqualTo(4); // One: fleet, assets, a, b; Two: 1
    }
}
