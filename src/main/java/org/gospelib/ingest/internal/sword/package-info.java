/**
 * Reading SWORD modules without the SWORD library: module configuration files, the library
 * layout ({@code mods.d/*.conf} plus data directories) and the compressed verse-keyed drivers
 * (zText for Bibles, zCom for commentaries) and the compressed key-ordered dictionary driver
 * (zLD for lexicons and topical indexes). Everything here hands out the modules' raw markup;
 * turning markup into reading text is the job of {@code org.gospelib.ingest.internal.osis}.
 */
package org.gospelib.ingest.internal.sword;
