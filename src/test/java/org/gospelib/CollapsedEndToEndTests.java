package org.gospelib;

import org.gospelib.support.Http;

/** The end-to-end suite against the collapsed process: every service in one JVM. */
class CollapsedEndToEndTests extends EndToEndSuite {

    @Override
    Http gospelib() {
        return http;
    }
}
