/**
 * The release fault switches of the deployment drills ({@code chatbot.release.fault.*}): a bad
 * release fails a share of its chat requests, or its readiness never comes up. Every bean of this
 * package is conditional on its switch being on, so a release started without them (production)
 * has none of them, and no controller knows about them: the chat failures are an aspect around
 * {@code ChatController.chat}, the readiness fault a health contributor added to the readiness group.
 */
package org.faithbot.chatbot.system.release.fault;
