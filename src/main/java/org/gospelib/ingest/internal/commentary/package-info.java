/**
 * Reads SWORD commentary modules (zCom): Matthew Henry's Concise Commentary, the Scofield
 * Reference Notes, Spurgeon's Treasury of David. Entries become plain text with the verse range
 * they comment on and the scripture they cite.
 */
package org.gospelib.ingest.internal.commentary;
