package io.liaison.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retrieval metrics with trec_eval's definitions, averaged over every judged topic with at least one
 * relevant document (as {@code trec_eval -c}: a topic the run misses counts as 0).
 *
 * <ul>
 *   <li>MRR@10: {@code recip_rank} on the first ten documents;
 *   <li>nDCG@10: {@code ndcg_cut_10}, gain = the judged relevance, discount log2(rank + 1);
 *   <li>Recall@100: {@code recall_100};
 *   <li>Success@10: {@code success_10}, 1 when a relevant document is in the first ten.
 * </ul>
 */
public final class Metrics {
  private Metrics() {}

  /** The averages, in a fixed order: MRR@10, nDCG@10, Recall@100, Success@10. */
  public static Map<String, Double> evaluate(Qrels qrels, Run run) {
    double mrr = 0;
    double ndcg = 0;
    double recall = 0;
    double success = 0;
    List<String> topics = qrels.topics();
    for (String qid : topics) {
      Map<String, Integer> judged = qrels.judged(qid);
      List<Run.Entry> ranking = run.ranking(qid);
      long relevant = judged.values().stream().filter(r -> r > 0).count();
      double dcg = 0;
      int found100 = 0;
      double rr = 0;
      for (int i = 0; i < Math.min(100, ranking.size()); i++) {
        int rel = judged.getOrDefault(ranking.get(i).docid(), 0);
        if (rel > 0) {
          found100++;
          if (i < 10) {
            if (rr == 0) {
              rr = 1.0 / (i + 1);
            }
            dcg += rel / log2(i + 2);
          }
        }
      }
      List<Integer> ideal = new ArrayList<>(judged.values().stream().filter(r -> r > 0).toList());
      ideal.sort((a, b) -> b - a);
      double idcg = 0;
      for (int i = 0; i < Math.min(10, ideal.size()); i++) {
        idcg += ideal.get(i) / log2(i + 2);
      }
      mrr += rr;
      success += rr > 0 ? 1 : 0;
      ndcg += idcg == 0 ? 0 : dcg / idcg;
      recall += relevant == 0 ? 0 : (double) found100 / relevant;
    }
    int n = Math.max(1, topics.size());
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("MRR@10", mrr / n);
    out.put("nDCG@10", ndcg / n);
    out.put("Recall@100", recall / n);
    out.put("Success@10", success / n);
    return out;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
