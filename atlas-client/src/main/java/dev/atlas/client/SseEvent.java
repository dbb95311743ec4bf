package dev.atlas.client;

/**
 * One dispatched Server-Sent Event.
 *
 * @param type the event type: the last {@code event} field's value, or {@code message}
 * @param data the {@code data} lines joined with LF
 * @param lastEventId the last event id set on the stream so far ({@code ""} if none)
 */
public record SseEvent(String type, String data, String lastEventId) {}
