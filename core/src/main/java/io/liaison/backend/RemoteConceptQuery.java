package io.liaison.backend;

import io.liaison.query.Concept;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A concept kept as it is, to be sent to the cluster as a {@code liaison_concepts} query; it never
 * runs in this process.
 */
final class RemoteConceptQuery extends Query {
  final List<String> fields;
  final Concept concept;
  final int slop;

  RemoteConceptQuery(List<String> fields, Concept concept, int slop) {
    this.fields = List.copyOf(fields);
    this.concept = concept;
    this.slop = slop;
  }

  @Override
  public String toString(String field) {
    return "liaison_concepts(" + fields + ", " + concept.source() + ")";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && fields.equals(((RemoteConceptQuery) o).fields)
        && concept.equals(((RemoteConceptQuery) o).concept) && slop == ((RemoteConceptQuery) o).slop;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), fields, concept, slop);
  }
}
