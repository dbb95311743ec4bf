package dev.atlas.examples.spring;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.QueryResultSet;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Asks Atlas through the client the starter configured. */
@RestController
class AskController {
  private final AtlasClient atlas;

  AskController(AtlasClient atlas) {
    this.atlas = atlas;
  }

  /** What {@code GET /ask} answers. */
  record Answer(String question, String answer, List<String> sql, int rows) {}

  @GetMapping("/ask")
  Answer ask(@RequestParam("question") String question) {
    QueryResponse response = atlas.query(question);
    int rows = response.getData() == null ? 0
        : response.getData().stream().mapToInt(AskController::rows).sum();
    return new Answer(question, response.getAnswer(), response.getSql(), rows);
  }

  private static int rows(QueryResultSet set) {
    return set.getRows() == null ? 0 : set.getRows().size();
  }
}
