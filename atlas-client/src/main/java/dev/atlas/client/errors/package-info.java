/**
 * The exceptions every Atlas call throws: {@link dev.atlas.client.errors.AtlasException} and one
 * subclass per category (connection, authentication, permission, not found, conflict, rate limit,
 * invalid request, server, invalid response), with the facts of the failure in
 * {@link dev.atlas.client.errors.ErrorInfo} and the wire codes in
 * {@link dev.atlas.client.errors.AtlasErrorCode}. The constructors are public so that tests of your
 * own code can create the failures they simulate.
 */
package dev.atlas.client.errors;
