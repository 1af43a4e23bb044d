package io.liaison.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.query.Alternative;
import io.liaison.query.Concept;
import io.liaison.query.Origin;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryDslTest {
  @Test
  void aConceptGoesToTheClusterWithItsWeightsAndPhraseFlag() {
    Concept phrase = new Concept("经济联络", List.of(new Alternative("经济联络", 1f, Origin.QUERY, List.of()),
        new Alternative("economic liaison", 0.75f, Origin.GLOSSARY, List.of("a.txt"))), true);
    JsonObject json = new QueryDsl(2f, Set.of()).toJson(new RemoteConceptQuery(List.of("title", "body"), phrase, 0));
    JsonObject concept = json.getJsonObject("liaison_concepts").getJsonArray("concepts").getJsonObject(0);
    assertEquals(true, concept.getBoolean("phrase"));
    assertEquals("economic liaison", concept.getJsonArray("alternatives").getJsonObject(1).getString("text"));
    assertEquals(0.75, concept.getJsonArray("alternatives").getJsonObject(1).getJsonNumber("weight").doubleValue(), 1e-6);
  }
}
