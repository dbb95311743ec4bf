package dev.atlas.client;

import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidResponseException;

/** How a call or a stream ended, as an {@link AtlasListener} hears it: a small set fit for a metric tag. */
public enum CallOutcome {
  /** A 2xx answer (or a stream that ended by itself without an error frame). */
  SUCCESS,
  /** A 4xx answer: the request was refused. */
  CLIENT_ERROR,
  /** A 5xx answer, an answer without a status, or a stream's error frame. */
  SERVER_ERROR,
  /** No complete answer: the connection failed, broke or timed out. */
  CONNECTION_ERROR,
  /** An answer the client could not understand. */
  INVALID_RESPONSE,
  /** The caller cancelled the call or closed the stream before it ended. */
  CANCELLED;

  /**
   * @param e a failure
   * @return the outcome it stands for
   */
  static CallOutcome of(AtlasException e) {
    if (e instanceof AtlasConnectionException) {
      return CONNECTION_ERROR;
    }
    if (e instanceof AtlasInvalidResponseException) {
      return INVALID_RESPONSE;
    }
    return e.status() >= 400 && e.status() < 500 ? CLIENT_ERROR : SERVER_ERROR;
  }
}
