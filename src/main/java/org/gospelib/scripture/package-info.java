/**
 * Scripture: the shared language of every other module. Books, versification systems, verse
 * references and their parser, and the canonical model of a verse's content. Plain Java with
 * no framework types, so it can be used from any process (server, ingest job, worker).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scripture", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gospelib.scripture;
