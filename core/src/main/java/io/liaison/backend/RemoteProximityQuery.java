package io.liaison.backend;

import io.liaison.query.Concept;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The proximity clauses of a run of concepts ({@link io.liaison.query.ConceptProximity}), kept as the
 * run, to be sent to the cluster as a {@code liaison_concepts} query with {@code proximity_only};
 * it never runs in this process.
 */
final class RemoteProximityQuery extends Query {
  final List<String> fields;
  final List<Concept> concepts;
  private final Query local;

  /** @param local the clauses the cluster will build, as this process would build them: counted, never run */
  RemoteProximityQuery(List<String> fields, List<Concept> concepts, Query local) {
    this.fields = List.copyOf(fields);
    this.concepts = List.copyOf(concepts);
    this.local = local;
  }

  @Override
  public String toString(String field) {
    return "liaison_concepts(" + fields + ", proximity of " + concepts.stream().map(Concept::source).toList() + ")";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    local.visit(visitor); // so the clause limit counts what the cluster will run
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && fields.equals(((RemoteProximityQuery) o).fields)
        && concepts.equals(((RemoteProximityQuery) o).concepts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), fields, concepts);
  }
}
