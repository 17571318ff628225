/**
 * Turning OSIS markup fragments, as SWORD modules store them one verse at a time, into
 * GospeLib's canonical verse model. Fragments are not documents: milestones open in one verse
 * and close in another and some fragments are not well-formed, so parsing is done by a tolerant
 * tag scanner rather than an XML parser.
 */
package org.gospelib.ingest.internal.osis;
