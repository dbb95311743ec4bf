package dev.atlas.examples.spring;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.QueryResultSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Asks Atlas through the client the starter configured. Each question starts a conversation on the
 * Atlas server, kept there as one asked in Atlas itself is (the answer names it; delete it with
 * {@code atlas.conversations().delete(id)}). A blank question is a 400 problem detail, and is not sent.
 */
@RestController
class AskController {
  private final AtlasClient atlas;

  AskController(AtlasClient atlas) {
    this.atlas = atlas;
  }

  /** What {@code GET /ask} answers: the conversation is the one the question started on the server. */
  record Answer(String question, String answer, List<String> sql, int rows, String conversationId) {}

  @GetMapping("/ask")
  Answer ask(@RequestParam("question") String question) {
    if (question.isBlank()) {
      // rendered as application/problem+json (spring.mvc.problemdetails.enabled)
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The question must not be blank.");
    }
    QueryResponse response = atlas.query(question);
    int rows = response.getData() == null ? 0
        : response.getData().stream().mapToInt(AskController::rows).sum();
    return new Answer(question, response.getAnswer(), response.getSql(), rows, response.getConversationId());
  }

  private static int rows(QueryResultSet set) {
    return set.getRows() == null ? 0 : set.getRows().size();
  }
}
