/**
 * Web reader: the pages people read, search and study with, rendered on the server from the
 * other modules' public APIs (content's {@link org.gospelib.content.ScriptureText} and
 * {@link org.gospelib.content.ReferenceLibrary}, search's {@link org.gospelib.search.VerseSearch}).
 * Pages are the same for every visitor, so they are cacheable; what belongs to a signed-in reader
 * (highlights, notes, bookmarks, plans) is added in the browser from the {@code /v1/me} API by a
 * small script. Reading and search work without JavaScript.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web reader")
package org.gospelib.web;
